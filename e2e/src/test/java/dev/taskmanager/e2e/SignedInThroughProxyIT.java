package dev.taskmanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Accounts across the stack: the first admin added with the CLI on the stack's MongoDB closes the
 * app to anonymous callers on both replicas; a session begun through nginx works on each replica
 * alone (they share nothing but the secret and the store); the calendar URL made on the page works
 * through nginx, whose access log never holds its token; a password changed with the CLI ends the
 * session on both.
 */
@ExtendWith(StackExtension.class)
@OpenStack
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SignedInThroughProxyIT {

  private static final String PASSWORD = "saffron-kettle-meadow-418";
  private static final Pattern FEED_URL = Pattern.compile("<code id=\"new-calendar-url\">([^<]+)</code>");
  /** How long the replicas may take to see that a user now exists (they ask once a second). */
  private static final long NOTICED_MILLIS = 1_200;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void aSessionBegunThroughTheProxyHoldsOnEveryReplicaUntilThePasswordChanges(Stack stack) throws Exception {
    assertThat(get(stack.proxy("/"), null).statusCode()).as("no user yet: open on this machine").isEqualTo(200);
    Programs.Run added = Programs.taskWithInput(StackExtension.repository(), Map.of("TASK_MONGO_URI", stack.mongoUri()),
        PASSWORD + "\n", "user", "add", "ann", "--role", "editor", "--password-stdin");
    assertThat(added.status()).as(added.err()).isZero();
    Thread.sleep(NOTICED_MILLIS);

    assertThat(get(stack.proxy("/"), null).headers().firstValue("Location")).hasValue("/sign-in");
    assertThat(get(stack.proxy("/api/tasks"), null).statusCode()).isEqualTo(401);

    String cookie = PageForms.signIn(http, stack.proxy("/sign-in"), "ann", PASSWORD);

    for (int replica = 0; replica < 2; replica++) {
      HttpResponse<String> page = get(stack.replica(replica, "/"), cookie);
      assertThat(page.statusCode()).as("replica %d", replica).isEqualTo(200);
      assertThat(page.body()).contains("Sign out");
    }
    HttpResponse<String> list = get(stack.proxy("/"), cookie);
    HttpResponse<String> created = post(stack.proxy("/tasks"), cookie, Map.of("csrf", PageForms.csrfToken(list.body()),
        "title", "Made by ann through nginx"));
    assertThat(created.statusCode()).isEqualTo(303);
    assertThat(stack.replicaOutput(0).stream().anyMatch(line -> line.contains(" user=ann"))
        || stack.replicaOutput(1).stream().anyMatch(line -> line.contains(" user=ann")))
        .as("the access log names the user").isTrue();

    HttpResponse<String> account = get(stack.proxy("/account"), cookie);
    HttpResponse<String> feedMade = post(stack.proxy("/account/calendar"), cookie, Map.of("csrf", PageForms.csrfToken(account.body())));
    assertThat(feedMade.statusCode()).as(feedMade.body()).isEqualTo(201);
    Matcher shown = FEED_URL.matcher(feedMade.body());
    assertThat(shown.find()).as("the calendar URL on the page").isTrue();
    String feedUrl = shown.group(1);
    assertThat(feedUrl).as("built on the address the browser used").startsWith(stack.proxy("/calendar.ics?token=").toString());
    HttpResponse<String> feed = get(URI.create(feedUrl), null);
    assertThat(feed.statusCode()).isEqualTo(200);
    assertThat(feed.body()).startsWith("BEGIN:VCALENDAR\r\n");
    String secret = feedUrl.substring(feedUrl.length() - 43);
    assertThat(Files.readString(stack.nginxAccessLog())).as("nginx's access log").doesNotContain(secret);
    assertThat(stack.replicaOutput(0)).noneMatch(line -> line.contains(secret));
    assertThat(stack.replicaOutput(1)).noneMatch(line -> line.contains(secret));

    Thread.sleep(5); // the new password is set in a later millisecond than the sign-in
    Programs.Run changed = Programs.taskWithInput(StackExtension.repository(),
        Map.of("TASK_MONGO_URI", stack.mongoUri()), "another-quiet-harbour-77\n", "user", "passwd", "ann",
        "--password-stdin");
    assertThat(changed.status()).as(changed.err()).isZero();

    for (int replica = 0; replica < 2; replica++) {
      assertThat(get(stack.replica(replica, "/"), cookie).statusCode()).as("replica %d", replica).isEqualTo(303);
    }
  }

  private HttpResponse<String> get(URI uri, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET();
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), BodyHandlers.ofString());
  }

  private HttpResponse<String> post(URI uri, String cookie, Map<String, String> fields) throws Exception {
    return PageForms.post(http, uri, cookie, fields);
  }
}
