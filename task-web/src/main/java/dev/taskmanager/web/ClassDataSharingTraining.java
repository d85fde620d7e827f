package dev.taskmanager.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * The build's training run for the class-data sharing archive that {@code bin/task-web} starts the
 * app with: run under {@code -XX:ArchiveClassesAtExit}, it starts the app on a scratch data
 * directory, serves the requests a real start serves first (health, the page, the API's list and
 * create) and exits, so the archive holds the classes those load. Not part of the app's behaviour.
 */
final class ClassDataSharingTraining {

  private ClassDataSharingTraining() {}

  /** @param args where to make the scratch data directory */
  public static void main(String[] args) throws IOException {
    // A fresh one each time: a data file an earlier build wrote may be in a format this one refuses.
    Path scratch = Files.createTempDirectory(Files.createDirectories(Path.of(args[0])), "run-");
    Settings settings = Settings.parse(Map.of("TASK_DATA_DIR", scratch.toString(), "TASK_HTTP_PORT", "0"));
    settings.logFormat().use();
    WebApp app = WebApp.start(settings, WebApp.storeModule(settings), Clock.systemUTC());
    try {
      URI base = app.url();
      send(base.resolve("/health/ready"), null);
      send(base.resolve("/api/tasks"), "{\"title\": \"Warm up\", \"shortdesc\": \"for the archive\", \"priority\": 2}");
      send(base.resolve("/api/tasks?limit=100"), null);
      send(base.resolve("/"), null);
      send(base.resolve("/no-such-page"), null);
    } finally {
      app.close();
    }
    // The archive is written as the JVM exits; leave no server thread to keep it waiting.
    System.exit(0);
  }

  private static void send(URI uri, String json) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
    if (json != null) {
      connection.setRequestMethod("POST");
      connection.setRequestProperty("Content-Type", "application/json");
      connection.setDoOutput(true);
      try (OutputStream body = connection.getOutputStream()) {
        body.write(json.getBytes(StandardCharsets.UTF_8));
      }
    }
    int status = connection.getResponseCode();
    try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
      if (body != null) {
        body.readAllBytes();
      }
    }
  }
}
