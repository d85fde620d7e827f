package dev.taskmanager.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real nginx running the project's own template, rendered as the official image renders it: the
 * image's entrypoint sources {@code docker-entrypoint.d/*.envsh}, then runs {@code envsubst} with
 * only the defined variables that match {@code NGINX_ENVSUBST_FILTER=^TASK_}, and includes the
 * result inside its {@code http} block. Two things differ from the container, and both are done
 * here on the rendered file, never in the template: nginx listens on 127.0.0.1 only (not on every
 * address, v4 and v6), and the root of nginx's own pages is the repository's {@code proxy/html}.
 */
final class Nginx implements AutoCloseable {

  static final String IMAGE_HTML_ROOT = "/usr/share/nginx/task-manager";

  /** What the image's {@code 20-envsubst-on-templates.sh} does for one template. */
  private static final String RENDER_SCRIPT = """
      # Sourced like the image's entrypoint sources *.envsh; it may exit with a message.
      . "$1"
      defined_envs=$(printf '${%s} ' $(awk "END { for (name in ENVIRON) { print ( name ~ /^TASK_/ ) ? name : \\"\\" } }" < /dev/null ))
      envsubst "$defined_envs" < "$2" > "$3"
      """;

  private final LoggedProcess process;
  private final int port;

  private Nginx(LoggedProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Renders the template for these replicas, checks the configuration with {@code nginx -t} and
   * starts nginx in the foreground; returns once it answers.
   */
  static Nginx start(Path repository, Path dir, List<String> replicas, int port) {
    Path conf = writeConfiguration(repository, dir, replicas, port);
    List<String> command = List.of(Required.NGINX.toString(), "-p", dir + "/", "-c", conf.toString(),
        "-e", dir.resolve("error.log").toString());
    LoggedProcess test = LoggedProcess.start("nginx -t", concat(command, "-t"), Map.of(), dir.resolve("nginx-t.log"));
    int status = test.awaitExit(Duration.ofSeconds(30));
    if (status != 0) {
      throw new AssertionError("nginx -t rejects the rendered configuration " + conf + ":\n"
          + String.join("\n", test.lines()));
    }
    LoggedProcess nginx = LoggedProcess.start("nginx", concat(command, "-g", "daemon off;"), Map.of(),
        dir.resolve("nginx.log"));
    Nginx started = new Nginx(nginx, port);
    try {
      started.awaitAnswer(Duration.ofSeconds(30));
    } catch (RuntimeException | Error notReady) {
      started.close();
      throw notReady;
    }
    return started;
  }

  int port() {
    return port;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  @Override
  public void close() {
    // SIGTERM is nginx's fast shutdown; its workers end with the master.
    process.stop(Duration.ofSeconds(10));
  }

  /** Renders the template into {@code dir/conf.d/} and writes the main configuration that includes it. */
  static Path writeConfiguration(Path repository, Path dir, List<String> replicas, int port) {
    Path proxy = repository.resolve("proxy");
    Path rendered = dir.resolve("conf.d").resolve("task-manager.conf");
    try {
      Files.createDirectories(rendered.getParent());
      Files.createDirectories(dir.resolve("temp"));
      Path script = dir.resolve("render.sh");
      Files.writeString(script, RENDER_SCRIPT, StandardCharsets.UTF_8);
      LoggedProcess render = LoggedProcess.start("render",
          List.of("/bin/sh", script.toString(), proxy.resolve("docker-entrypoint.d/10-task-upstream.envsh").toString(),
              proxy.resolve("templates/task-manager.conf.template").toString(), rendered.toString()),
          Map.of("TASK_WEB_UPSTREAM", String.join(" ", replicas), "TASK_PROXY_PORT", String.valueOf(port)),
          dir.resolve("render.log"));
      int status = render.awaitExit(Duration.ofSeconds(30));
      if (status != 0) {
        throw new AssertionError("rendering the template failed with status " + status + ":\n"
            + String.join("\n", render.lines()));
      }
      String config = Files.readString(rendered, StandardCharsets.UTF_8);
      config = replaceOnce(config, "listen " + port + ";", "listen 127.0.0.1:" + port + ";");
      config = replaceOnce(config, "listen [::]:" + port + ";", "# (IPv6 listener removed by the test harness)");
      config = replaceOnce(config, "root " + IMAGE_HTML_ROOT + ";", "root " + proxy.resolve("html") + ";");
      Files.writeString(rendered, config, StandardCharsets.UTF_8);

      Path main = dir.resolve("nginx.conf");
      Files.writeString(main, """
          # The end-to-end harness's main configuration: the image's nginx.conf cut down to what the
          # tests need, every file under target/. The project's rendered template is included as is.
          worker_processes 1;
          pid %1$s/nginx.pid;
          error_log %1$s/error.log notice;

          events {
              worker_connections 512;
          }

          http {
              include /etc/nginx/mime.types;
              default_type application/octet-stream;
              log_format upstreams '$remote_addr "$request" $status $body_bytes_sent '
                                   'upstream=$upstream_addr upstream_status=$upstream_status';
              access_log %1$s/access.log upstreams;
              client_body_temp_path %1$s/temp/client_body;
              proxy_temp_path %1$s/temp/proxy;
              fastcgi_temp_path %1$s/temp/fastcgi;
              uwsgi_temp_path %1$s/temp/uwsgi;
              scgi_temp_path %1$s/temp/scgi;
              sendfile on;

              include %2$s;
          }
          """.formatted(dir, rendered), StandardCharsets.UTF_8);
      return main;
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  /** Replaces exactly one occurrence: a template that changed shape fails here, not silently. */
  private static String replaceOnce(String text, String target, String replacement) {
    int first = text.indexOf(target);
    if (first < 0 || text.indexOf(target, first + 1) >= 0) {
      throw new AssertionError("the rendered template should contain \"" + target + "\" exactly once:\n" + text);
    }
    return text.replace(target, replacement);
  }

  private void awaitAnswer(Duration timeout) {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health = HttpRequest.newBuilder(uri("/_proxy/health")).timeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("nginx ended before it answered:\n" + String.join("\n", process.lines()));
      }
      try {
        if (client.send(health, BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for nginx", interrupted);
      }
      Stack.sleep(Duration.ofMillis(50));
    }
    throw new AssertionError("nginx did not answer within " + timeout.toSeconds() + " s:\n"
        + String.join("\n", process.lines()));
  }

  private static List<String> concat(List<String> command, String... more) {
    return Stream.concat(command.stream(), Arrays.stream(more)).collect(Collectors.toList());
  }
}
