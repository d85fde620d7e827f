package dev.taskmanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * nginx with the project's templates given a certificate (a self-signed one, made by the real
 * {@code openssl}): the app over HTTPS and HTTP/2 alone, plain HTTP only redirecting, TLS 1.2 and
 * 1.3 only, HSTS only when asked for, secure cookies, and a real Chromium creating a task.
 */
@WithHttps
@ExtendWith(StackExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HttpsProxyIT {

  private static final String HSTS = "Strict-Transport-Security";

  private Stack stack;
  private HttpClient https;
  private final HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeEach
  void trustTheProxysCertificate(Stack stack) {
    this.stack = stack;
    stack.ensureReplicasRunning();
    https = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).sslContext(stack.certificate().trustingOnlyThis())
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  @Test
  void servesThePageAndTheApiOverHttp2(Stack stack) throws Exception {
    HttpResponse<String> page = get(https, stack.proxyHttps("/"));
    HttpResponse<String> api = get(https, stack.proxyHttps("/api/tasks"));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.version()).describedAs("negotiated by ALPN").isEqualTo(HttpClient.Version.HTTP_2);
    assertThat(page.body()).contains("<form");
    assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(page.headers().firstValue(HSTS)).describedAs("HSTS is off until the operator opts in").isEmpty();
  }

  @Test
  void plainHttpOnlyRedirectsToHttpsExceptTheProxysHealthCheck(Stack stack) throws Exception {
    for (String path : List.of("/", "/tasks/3/edit", "/api/tasks?q=tag%3Ahome+due%3Atoday", "/static/app.css")) {
      HttpResponse<String> answer = get(plain, stack.proxy(path));

      assertThat(answer.statusCode()).describedAs(path).isEqualTo(308);
      assertThat(answer.headers().firstValue("Location")).describedAs(path)
          .contains(stack.proxyHttps(path).toString());
    }
    HttpResponse<String> post = plain.send(HttpRequest.newBuilder(stack.proxy("/api/tasks"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"In clear\"}"))
        .timeout(Duration.ofSeconds(20)).build(), BodyHandlers.ofString());
    assertThat(post.statusCode()).describedAs("a POST in clear is sent on, never served").isEqualTo(308);
    assertThat(stack.replicaOutput(0)).noneMatch(line -> line.contains(" POST /api/tasks "));
    assertThat(stack.replicaOutput(1)).noneMatch(line -> line.contains(" POST /api/tasks "));

    HttpResponse<String> health = get(plain, stack.proxy("/_proxy/health"));
    assertThat(health.statusCode()).describedAs("the image's health check asks over plain HTTP").isEqualTo(200);
    assertThat(health.body()).isEqualTo("ok\n");
  }

  @Test
  void acceptsTls12And13AndRefusesTls10And11(Stack stack) {
    for (String version : List.of("1.2", "1.3")) {
      Programs.Run handshake = handshake(stack, version);

      assertThat(handshake.status()).describedAs("TLS " + version + ":\n" + handshake.out()).isZero();
      assertThat(handshake.out()).describedAs("TLS " + version).contains("New, TLSv" + version + ", Cipher is ")
          .contains("Verify return code: 0 (ok)");
    }
    for (String version : List.of("1", "1.1")) {
      Programs.Run handshake = handshake(stack, version);

      assertThat(handshake.status()).describedAs("TLS " + version + ":\n" + handshake.out()).isNotZero();
      assertThat(handshake.out() + handshake.err()).describedAs("TLS " + version + ": refused by nginx, not by openssl")
          .contains("alert protocol version");
    }
  }

  @Test
  void sendsHstsOverHttpsOnlyWhenAskedFor(Stack stack) throws Exception {
    SelfSignedCertificate certificate = stack.certificate();
    Path dir = stack.dir().resolve("nginx-hsts");
    StackExtension.deleteRecursively(dir);
    try (Nginx withHsts = Nginx.start(stack.repository(), dir, stack.replicaAddresses(), Stack.freePort(),
        new Nginx.Tls(certificate.file(), certificate.key(), Stack.freePort(), 31_536_000))) {
      // Every kind of location: proxied, proxied with headers of its own, and nginx's own answer.
      for (String path : List.of("/", "/static/app.css", "/_proxy/health")) {
        assertThat(get(https, withHsts.httpsUri(path)).headers().allValues(HSTS)).describedAs(path)
            .containsExactly("max-age=31536000");
      }
      assertThat(get(plain, withHsts.uri("/_proxy/health")).headers().firstValue(HSTS))
          .describedAs("never over plain HTTP").isEmpty();
      assertThat(get(plain, withHsts.uri("/")).headers().firstValue(HSTS)).describedAs("nor on its redirect").isEmpty();
    }
    assertThat(get(https, stack.proxyHttps("/static/app.css")).headers().firstValue(HSTS))
        .describedAs("the stack's nginx was not asked for it").isEmpty();
  }

  @Test
  void marksTheFlashCookieSecureOverHttps(Stack stack) throws Exception {
    String token = PageForms.csrfToken(get(https, stack.proxyHttps("/")).body());

    HttpResponse<String> created = PageForms.post(https, stack.proxyHttps("/tasks"), stack.sessionCookie(),
        Map.of("title", "Posted over HTTPS", "shortdesc", "", "priority", "2", "csrf", token));

    assertThat(created.statusCode()).isEqualTo(303);
    List<String> cookies = created.headers().allValues("Set-Cookie");
    assertThat(cookies).isNotEmpty().allSatisfy(cookie -> assertThat(cookie).contains("; Secure").contains("HttpOnly"));
  }

  @Test
  void chromiumCreatesATaskOverHttps(Stack stack) throws IOException {
    Path profile = stack.dir().resolve("chromium-profile");
    Files.createDirectories(profile);
    // Trusts this one key alone, as a browser trusts a certificate from a real authority.
    try (Browser browser = Browser.start(profile,
        List.of("--ignore-certificate-errors-spki-list=" + stack.certificate().spkiSha256()))) {
      browser.desktop();
      browser.open(stack.proxy("/"));
      assertThat(browser.script("return location.href")).describedAs("plain HTTP sent the browser on, to sign in")
          .isEqualTo(stack.proxyHttps("/sign-in").toString());
      browser.signIn(Stack.ADMIN, Stack.PASSWORD);

      browser.type("#new-title", "Created in Chromium over HTTPS");
      browser.click("form[action='/tasks'] button[type=submit]");

      assertThat(browser.text(".flash")).matches("Task \\d+ created");
      assertThat(browser.texts("td.title")).contains("Created in Chromium over HTTPS");
      assertThat(browser.script("return location.protocol")).isEqualTo("https:");
      browser.screenshot("https-desktop");
    }
  }

  /** The real openssl's client, offering only this TLS version (and, for the old ones, the ciphers they need). */
  private static Programs.Run handshake(Stack stack, String version) {
    URI address = stack.proxyHttps("/");
    return Programs.run(List.of(Required.OPENSSL.toString(), "s_client", "-connect",
        address.getHost() + ":" + address.getPort(), "-servername", "localhost",
        "-CAfile", stack.certificate().file().toString(), "-tls" + version.replace('.', '_'),
        // openssl's own floor would refuse TLS 1.0 and 1.1 before nginx could: lowered, so the answer is nginx's.
        "-cipher", "DEFAULT@SECLEVEL=0"), Map.of());
  }

  /** A GET as the stack's admin. */
  private HttpResponse<String> get(HttpClient client, URI uri) throws IOException, InterruptedException {
    return client.send(stack.signedIn(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))).build(),
        BodyHandlers.ofString());
  }


}
