package dev.taskmanager.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The stack as docker compose runs it, as processes on 127.0.0.1: a MongoDB-wire server standing
 * in for {@code mongo}, two {@code web} replicas of the runnable jar sharing it and one secret, and
 * nginx as {@code proxy} with the project's templates, on plain HTTP or with HTTPS. Files (data, rendered configuration, every
 * process's output) go to one directory under {@code target/}.
 *
 * <p>As a deployment is, it has an admin ({@value #ADMIN}, added with the CLI as the README says)
 * and the tests act signed in: {@link #signedIn} gives a request the admin's session cookie (for
 * the page) and API token (for the API). A stack started open has no user: the app is then open to
 * this machine alone.
 */
final class Stack implements AutoCloseable {

  static final String DATABASE = "TaskManager";
  static final String ADMIN = "e2e-admin";
  static final String PASSWORD = "granite-harbour-lantern-5821";

  private final Path repository;
  private final Path dir;
  private final String secret = newSecret();
  private final Thread shutdownHook = new Thread(this::close, "e2e-stack-shutdown");
  private LoggedProcess mongo;
  private String mongoUri;
  private final LoggedProcess[] replicas = new LoggedProcess[2];
  private final int[] replicaPorts = new int[2];
  private Nginx nginx;
  private SelfSignedCertificate certificate;
  private String sessionCookie;
  private String apiToken;

  private Stack(Path repository, Path dir) {
    this.repository = repository;
    this.dir = dir;
  }

  /**
   * Starts the whole stack, or stops what it started and fails with the reason; with {@code https},
   * nginx serves the app over HTTPS with a self-signed certificate and only redirects on HTTP.
   */
  static Stack start(Path repository, Path dir, boolean https, boolean open) {
    Programs.webJar(repository);
    Stack stack = new Stack(repository, dir);
    Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
    try {
      stack.startMongo();
      stack.replicas[0] = stack.launchReplica(0, 0);
      stack.replicas[1] = stack.launchReplica(1, 0);
      stack.replicaPorts[0] = stack.awaitReplica(0);
      stack.replicaPorts[1] = stack.awaitReplica(1);
      Nginx.Tls tls = null;
      if (https) {
        stack.certificate = SelfSignedCertificate.create(dir.resolve("tls"));
        tls = new Nginx.Tls(stack.certificate.file(), stack.certificate.key(), freePort(), 0);
      }
      stack.nginx = Nginx.start(repository, dir.resolve("nginx"), stack.replicaAddresses(), freePort(), tls);
      if (!open) {
        stack.addAdminAndSignIn();
      }
      return stack;
    } catch (RuntimeException | Error failed) {
      stack.close();
      throw failed;
    }
  }

  /**
   * The request as the admin sends it: with the session cookie (which the page reads) and the API
   * token (which the API prefers); unchanged in an open stack.
   */
  HttpRequest.Builder signedIn(HttpRequest.Builder request) {
    if (sessionCookie != null) {
      request.header("Cookie", sessionCookie).header("Authorization", "Bearer " + apiToken);
    }
    return request;
  }

  /** The admin's session cookie, {@code task_session=…}; {@code null} in an open stack. */
  String sessionCookie() {
    return sessionCookie;
  }

  /**
   * The first admin, as the README has an operator add one, and a write token for the API; then a
   * session begun on a replica (every replica takes it). The replicas notice the first user within
   * a second: the stack waits that long, so no test sees the app still open.
   */
  private void addAdminAndSignIn() {
    Map<String, String> onTheStore = Map.of("TASK_MONGO_URI", mongoUri);
    Programs.Run added = Programs.taskWithInput(repository, onTheStore, PASSWORD + "\n", "user", "add", ADMIN,
        "--role", "admin", "--password-stdin");
    Programs.Run token = Programs.task(repository, onTheStore, "token", "create", ADMIN, "--scope", "write");
    if (added.status() != 0 || token.status() != 0) {
      throw new AssertionError("adding the admin failed: " + added.err() + token.err());
    }
    apiToken = token.out().strip().lines().reduce((first, last) -> last).orElseThrow();
    sleep(Duration.ofMillis(1_200));
    try {
      sessionCookie = PageForms.signIn(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
          replica(0, "/sign-in"), ADMIN, PASSWORD);
    } catch (IOException | InterruptedException failed) {
      throw new AssertionError("signing in failed", failed);
    }
  }

  /** An address through nginx, the stack's only way in for users. */
  URI proxy(String path) {
    return nginx.uri(path);
  }

  /** An address on nginx's HTTPS server; only in a stack started with HTTPS. */
  URI proxyHttps(String path) {
    return nginx.httpsUri(path);
  }

  /** The certificate nginx serves HTTPS with; only in a stack started with HTTPS. */
  SelfSignedCertificate certificate() {
    return certificate;
  }

  /** The replicas as nginx's upstream names them, for another nginx in front of them. */
  List<String> replicaAddresses() {
    return List.of("127.0.0.1:" + replicaPorts[0], "127.0.0.1:" + replicaPorts[1]);
  }

  Path repository() {
    return repository;
  }

  /** An address on one replica directly, bypassing nginx (as only tests can). */
  URI replica(int index, String path) {
    return URI.create("http://127.0.0.1:" + replicaPorts[index] + path);
  }

  String mongoUri() {
    return mongoUri;
  }

  Path dir() {
    return dir;
  }

  Path nginxAccessLog() {
    return dir.resolve("nginx/access.log");
  }

  /** The replica's output so far (its access log lines among it). */
  List<String> replicaOutput(int index) {
    return replicas[index] == null ? List.of() : replicas[index].lines();
  }

  boolean isRunning(int index) {
    return replicas[index] != null && replicas[index].isAlive();
  }

  /** {@code kill -9} of one replica: a crash, connections cut mid-request. */
  void killReplica(int index) {
    replicas[index].kill();
  }

  /** Starts a replica again on its port (nginx's upstream names it) and returns when it is ready. */
  void restartReplica(int index) {
    if (isRunning(index)) {
      throw new IllegalStateException("replica " + index + " is running");
    }
    replicas[index] = launchReplica(index, replicaPorts[index]);
    awaitReplica(index);
  }

  /**
   * Restarts whichever replica a previous test left stopped, and waits until nginx sends requests
   * to it again: nginx leaves a replica that failed alone for a while (max_fails, fail_timeout), so
   * a replica that is up is not yet one nginx uses.
   */
  void ensureReplicasRunning() {
    for (int index = 0; index < replicas.length; index++) {
      if (!isRunning(index)) {
        restartReplica(index);
        awaitProxyUses(index);
      }
    }
  }

  /** Sends health checks through nginx until the replica has answered one (bounded). */
  void awaitProxyUses(int index) {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest live = HttpRequest.newBuilder(proxy("/health/live")).timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (replicas[index].lines().stream().noneMatch(line -> line.contains(" GET /health/live 200 "))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("nginx sent no request to " + replicas[index].name() + " within 20 s of its restart");
      }
      try {
        client.send(live, BodyHandlers.discarding());
      } catch (IOException failed) {
        // nginx is up; a failure here is a replica's, and the loop tries again.
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for nginx to use " + replicas[index].name(), interrupted);
      }
      sleep(Duration.ofMillis(100));
    }
  }

  /** Runs {@code bin/task} against the stack's MongoDB, as {@code docker compose run --rm cli} does. */
  Programs.Run cli(String... arguments) {
    return Programs.task(repository, Map.of("TASK_MONGO_URI", mongoUri, "TASK_DB", DATABASE, "COLUMNS", "200"),
        arguments);
  }

  /** Stops everything, nginx first (as compose does), each process bounded in time; never throws. */
  @Override
  public void close() {
    List<AutoCloseable> stoppers = new ArrayList<>();
    stoppers.add(nginx);
    stoppers.addAll(Arrays.asList(replicas));
    stoppers.add(mongo);
    for (AutoCloseable stopper : stoppers) {
      if (stopper == null) {
        continue;
      }
      try {
        stopper.close();
      } catch (Exception | AssertionError ignored) {
        // Stop the rest regardless.
      }
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // Called from the hook itself.
    }
  }

  private void startMongo() {
    mongo = Programs.startMongo("mongo", dir.resolve("mongo"), 0, dir.resolve("mongo.log"));
    mongoUri = Programs.awaitMongoUri(mongo, dir.resolve("mongo"));
  }

  private LoggedProcess launchReplica(int index, int port) {
    String name = "web-" + (char) ('a' + index);
    return Programs.startWebApp(repository, name, Map.of(
        "TASK_MONGO_URI", mongoUri, "TASK_DB", DATABASE, "TASK_DATA_DIR", dir.resolve(name).toString(),
            "TASK_HTTP_HOST", "127.0.0.1", "TASK_HTTP_PORT", String.valueOf(port), "TASK_SECRET", secret),
        dir.resolve(name + ".log"));
  }

  /** Waits for the replica's address line and for it to be ready; returns its port. */
  private int awaitReplica(int index) {
    return Programs.awaitReady(replicas[index]).getPort();
  }

  /** A port free on 127.0.0.1 now; for nginx, which cannot be told to pick one itself. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  private static String newSecret() {
    byte[] bytes = new byte[36];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", interrupted);
    }
  }
}
