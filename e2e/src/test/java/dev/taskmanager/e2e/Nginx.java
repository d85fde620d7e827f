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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real nginx running the project's own templates, rendered by {@code proxy/render-template.sh} as
 * the official image renders them (the settings checked by {@code docker-entrypoint.d/*.envsh},
 * then {@code envsubst} of every template with only the defined {@code TASK_*} variables), the main
 * file included inside its {@code http} block. Two things differ from the container, and both are
 * done here on the rendered files, never in the templates: nginx listens on 127.0.0.1 only (not on
 * every address, v4 and v6), and the root of nginx's own pages is the repository's {@code
 * proxy/html}.
 */
final class Nginx implements AutoCloseable {

  static final String IMAGE_HTML_ROOT = "/usr/share/nginx/task-manager";
  private static final Pattern LISTEN = Pattern.compile("(?m)^(\\s*)listen (\\d+)");
  private static final Pattern LISTEN_V6 = Pattern.compile("(?m)^\\s*listen \\[::\\]:.*$");

  /**
   * HTTPS: the certificate and key files, the port of the TLS server, and the HSTS max-age in
   * seconds (0: none).
   */
  record Tls(Path certificate, Path key, int port, long hstsMaxAge) {}

  private final LoggedProcess process;
  private final int port;
  private final Tls tls;

  private Nginx(LoggedProcess process, int port, Tls tls) {
    this.process = process;
    this.port = port;
    this.tls = tls;
  }

  /** Plain HTTP: see {@link #start(Path, Path, List, int, Tls)}. */
  static Nginx start(Path repository, Path dir, List<String> replicas, int port) {
    return start(repository, dir, replicas, port, null);
  }

  /**
   * Renders the templates for these replicas (with HTTPS when {@code tls} is given), checks the
   * configuration with {@code nginx -t} and starts nginx in the foreground; returns once it answers.
   */
  static Nginx start(Path repository, Path dir, List<String> replicas, int port, Tls tls) {
    Path conf = writeConfiguration(repository, dir, replicas, port, tls);
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
    Nginx started = new Nginx(nginx, port, tls);
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

  /** An address on the plain HTTP server. */
  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** An address on the HTTPS server; only when started with {@link Tls}. */
  URI httpsUri(String path) {
    if (tls == null) {
      throw new IllegalStateException("this nginx serves plain HTTP only");
    }
    return URI.create("https://127.0.0.1:" + tls.port() + path);
  }

  @Override
  public void close() {
    // SIGTERM is nginx's fast shutdown; its workers end with the master.
    process.stop(Duration.ofSeconds(10));
  }

  /**
   * Renders the templates into {@code dir/conf.d/} and writes the main configuration that includes
   * them; nginx's configuration folder is then {@code dir}, as {@code /etc/nginx} is in the image.
   */
  static Path writeConfiguration(Path repository, Path dir, List<String> replicas, int port, Tls tls) {
    Path proxy = repository.resolve("proxy");
    Path confD = dir.resolve("conf.d");
    try {
      Files.createDirectories(dir.resolve("temp"));
      Map<String, String> settings = new HashMap<>(Map.of(
          "TASK_WEB_UPSTREAM", String.join(" ", replicas), "TASK_PROXY_PORT", String.valueOf(port)));
      if (tls != null) {
        settings.putAll(Map.of("TASK_TLS_CERT", tls.certificate().toString(), "TASK_TLS_KEY", tls.key().toString(),
            "TASK_PROXY_TLS_PORT", String.valueOf(tls.port()), "TASK_PUBLIC_HTTPS_PORT", String.valueOf(tls.port()),
            "TASK_HSTS_MAX_AGE", String.valueOf(tls.hstsMaxAge())));
      }
      Programs.Run render = Programs.run(List.of("/bin/sh", proxy.resolve("render-template.sh").toString(),
          confD.toString()), settings);
      if (render.status() != 0) {
        throw new AssertionError("rendering the templates failed with status " + render.status() + ":\n"
            + render.err());
      }
      int roots = 0;
      List<Path> rendered;
      try (Stream<Path> files = Files.walk(confD)) {
        rendered = files.filter(file -> file.toString().endsWith(".conf")).toList();
      }
      for (Path file : rendered) {
        String config = Files.readString(file, StandardCharsets.UTF_8);
        config = LISTEN.matcher(config).replaceAll("$1listen 127.0.0.1:$2");
        config = LISTEN_V6.matcher(config).replaceAll("    # (IPv6 listener removed by the test harness)");
        if (config.contains("root " + IMAGE_HTML_ROOT + ";")) {
          config = replaceOnce(config, "root " + IMAGE_HTML_ROOT + ";", "root " + proxy.resolve("html") + ";");
          roots++;
        }
        Files.writeString(file, config, StandardCharsets.UTF_8);
      }
      if (roots != 1) {
        throw new AssertionError("the rendered templates should name " + IMAGE_HTML_ROOT + " in one file, not " + roots);
      }

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
          """.formatted(dir, confD.resolve("task-manager.conf")), StandardCharsets.UTF_8);
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
