package dev.taskmanager.web;

import static dev.taskmanager.core.contract.TestTimes.NOW;

import com.google.inject.Guice;
import com.google.inject.Module;
import dev.taskmanager.core.account.Accounts;
import dev.taskmanager.core.account.Role;
import dev.taskmanager.core.account.Scope;
import dev.taskmanager.core.account.Tokens;
import dev.taskmanager.core.account.User;
import dev.taskmanager.core.memory.InMemoryTokenStore;
import dev.taskmanager.core.memory.InMemoryUserStore;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskDraft;
import dev.taskmanager.passwords.Argon2Passwords;
import dev.taskmanager.web.access.OpenMode;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.jsoup.nodes.Document;

/**
 * A started web app on 127.0.0.1 and a free port, on a {@link SwitchableTaskStore} (or the embedded
 * MongoDB-wire server), with an HTTP client that keeps cookies (for flash messages) and does not
 * follow redirects (to see the 303s).
 * One per test class, either as {@code @RegisterExtension static final TestServer server =
 * TestServer.start();} (an empty store and a new session before each test, stopped after the
 * class) or in try-with-resources.
 */
final class TestServer implements AutoCloseable, BeforeEachCallback, AfterAllCallback {

  static final String SECRET = "test-secret-test-secret-test-secret-0123";

  /** A password every test user has: long and unusual enough for the rules. */
  static final String PASSWORD = "quiet-lantern-orbit-7152";

  final SwitchableTaskStore store;
  final InMemoryUserStore users;
  final InMemoryTokenStore tokens;
  final LoggedLines log = LoggedLines.capture();
  private final WebApp app;
  private final URI base;
  private HttpClient client;

  private TestServer(Settings settings, boolean onTheEmbeddedStore) {
    this(settings, onTheEmbeddedStore, new SwitchableTaskStore(), new InMemoryUserStore(), new InMemoryTokenStore());
  }

  private TestServer(Settings settings, boolean onTheEmbeddedStore, SwitchableTaskStore store, InMemoryUserStore users,
      InMemoryTokenStore tokens) {
    this.store = store;
    this.users = users;
    this.tokens = tokens;
    Module storeModule = onTheEmbeddedStore ? WebApp.storeModule(settings) : new InMemoryStoreModule(store, users, tokens);
    app = WebApp.start(settings, storeModule, Clock.systemUTC());
    base = app.url();
    newSession();
  }

  /** The route table as the app builds it, on an in-memory store. */
  static RouteTable routeTable() {
    Settings settings = Settings.parse(Map.of(), "--secret", SECRET);
    return Guice.createInjector(new InMemoryStoreModule(),
            new WebModule(settings, SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC()))
        .getInstance(RouteTable.class);
  }

  /** Another replica of this server: the same secret and the same stores, its own port. */
  TestServer replica() {
    return new TestServer(settings(), false, store, users, tokens);
  }

  static TestServer start() {
    return start(SECRET, false);
  }

  static TestServer start(String secret, boolean dev) {
    return startWith("--secret", secret, "--dev=" + (dev ? "1" : "0"));
  }

  /** A server with these flags besides the test defaults (a free port, the test secret and data dir). */
  static TestServer startWith(String... flags) {
    return new TestServer(settings(flags), false);
  }

  /**
   * A server as deployed by default: the MongoDB adapter on the embedded MongoDB-wire server, which
   * keeps its file and address ({@code mongo.address}) in {@code dataDir}. {@link #store} is unused.
   */
  static TestServer onTheEmbeddedStore(Path dataDir) {
    return new TestServer(settings("--data-dir", dataDir.toString()), true);
  }

  private static Settings settings(String... flags) {
    List<String> args = new ArrayList<>(List.of("--http-port", "0", "--secret", SECRET, "--data-dir",
        Path.of("target", "test-data").toString()));
    args.addAll(List.of(flags));
    return Settings.parse(Map.of(), args.toArray(String[]::new));
  }

  URI uri(String path) {
    return base.resolve(path);
  }

  /** Forgets cookies, as a new browser would. */
  void newSession() {
    client = HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  Document page(String path) {
    HttpResponse<String> response = get(path);
    return Jsoup.parse(response.body(), uri(path).toString());
  }

  /**
   * A CSRF token of this client's session as the page hands it out: the meta tag's when signed in,
   * else a form's (not the sign-out form's, whose token is of no session).
   */
  String csrf() {
    HttpResponse<String> response = get("/");
    Document page = Jsoup.parse(response.body());
    org.jsoup.nodes.Element meta = page.selectFirst("meta[name=csrf-token]");
    if (meta != null) {
      return meta.attr("content");
    }
    org.jsoup.nodes.Element token = page.selectFirst("main input[name=csrf]");
    if (token == null) {
      throw new AssertionError("no CSRF token on / (" + response.statusCode() + "): " + response.body());
    }
    return token.val();
  }

  /** Posts a form with a fresh CSRF token; the fields are URL-encoded in order. */
  HttpResponse<String> postForm(String path, Map<String, String> fields) {
    Map<String, String> withToken = new LinkedHashMap<>();
    withToken.put("csrf", csrf());
    withToken.putAll(fields);
    return postRawForm(path, encode(withToken));
  }

  HttpResponse<String> postRawForm(String path, String body) {
    return postBytes(path, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.ISO_8859_1));
  }

  HttpResponse<String> postBytes(String path, String contentType, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request.build());
  }

  HttpResponse<String> json(String method, String path, String body) {
    return json(method, path, "application/json", body);
  }

  HttpResponse<String> json(String method, String path, String contentType, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request.build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (Exception failed) {
      throw new AssertionError("request failed: " + request, failed);
    }
  }

  /**
   * Adds a user with {@link #PASSWORD}, as {@code task user add} would. After the first, waits until
   * the app has seen that a user exists (it asks once a second), as anyone after a first user would.
   */
  User addUser(String name, Role role) {
    User added = accounts().add(name, role, PASSWORD.toCharArray());
    if (users.count() == 1) {
      try {
        Thread.sleep(OpenMode.RECHECK.toMillis() + 100);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    return added;
  }

  Accounts accounts() {
    return new Accounts(users, tokens, new Argon2Passwords(), Clock.systemUTC());
  }

  /** An API token of this user, as {@code task token create} makes it. */
  String token(String user, Scope scope) {
    return new Tokens(tokens, users, Clock.systemUTC()).create(user, scope, Optional.empty()).text();
  }

  /** Signs in through the form, in this client's session; the answer of the form's post. */
  HttpResponse<String> signIn(String name, String password) {
    Document form = page("/sign-in");
    org.jsoup.nodes.Element token = form.selectFirst("input[name=csrf]");
    if (token == null) {
      throw new AssertionError("no sign-in form: " + form);
    }
    return postRawForm("/sign-in", encode(Map.of("csrf", token.val(), "name", name, "password", password)));
  }

  /** Signs in as {@code name} with {@link #PASSWORD}; the session cookie, as a Cookie header has it. */
  String signInAs(String name) {
    HttpResponse<String> answer = signIn(name, PASSWORD);
    return answer.headers().allValues("Set-Cookie").stream()
        .filter(cookie -> answer.statusCode() == 303 && cookie.startsWith("task_session="))
        .map(cookie -> cookie.substring(0, cookie.indexOf(';')))
        .findFirst()
        .orElseThrow(() -> new AssertionError("sign-in as " + name + " failed: " + answer.statusCode() + " "
            + answer.body()));
  }

  Task given(String title, int priority) {
    return store.create(new TaskDraft(title, "", priority), NOW);
  }

  static String encode(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** As a registered extension: each test starts on an empty store, as a new browser. */
  @Override
  public void beforeEach(ExtensionContext context) {
    store.clear();
    newSession();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  @Override
  public void close() {
    try {
      app.close();
    } finally {
      log.close();
    }
  }
}
