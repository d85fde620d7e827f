package dev.taskmanager.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Binding;
import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.Stage;
import dev.taskmanager.cli.Terminal;
import dev.taskmanager.cli.socket.CommandClient;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app on its embedded store serves the task commands typed beside it, on that store, while it runs. */
class ServedCommandLineTest {

  @TempDir
  Path dataDir;

  @Test
  void aCommandTypedWhileTheAppRunsIsRunOnItsStore() {
    try (TestServer server = TestServer.onTheEmbeddedStore(dataDir)) {
      assertThat(dataDir.resolve("task.sock")).exists();
      ByteArrayOutputStream out = new ByteArrayOutputStream();

      OptionalInt added = send(out, "add", "Typed at the terminal", "--tag", "cli");

      assertThat(added).hasValue(0);
      assertThat(server.get("/api/tasks?q=tag:cli").body()).contains("\"title\":\"Typed at the terminal\"");
      out.reset();
      assertThat(send(out, "list", "tag:cli")).hasValue(0);
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("Typed at the terminal");
    }
    assertThat(dataDir.resolve("task.sock")).doesNotExist();
    assertThat(send(new ByteArrayOutputStream(), "list")).isEmpty();
  }

  @Test
  void onlyTheEmbeddedStoreIsServed() {
    // The store modules as the app chooses them, not started (Stage.TOOL): which one serves a socket.
    Settings embedded = Settings.parse(Map.of(), "--data-dir", dataDir.toString());
    Settings external = Settings.parse(Map.of(), "--mongo-uri", "mongodb://127.0.0.1:1/", "--data-dir", dataDir.toString());

    assertThat(servedBy(embedded)).isNotNull();
    assertThat(servedBy(external)).isNull();
    assertThat(servedBy(Settings.parse(Map.of(), "--store", "memory"))).isNull();
  }

  private static Binding<ServedCommandLine> servedBy(Settings settings) {
    return Guice.createInjector(Stage.TOOL, WebApp.storeModule(settings))
        .getExistingBinding(Key.get(ServedCommandLine.class));
  }

  private OptionalInt send(ByteArrayOutputStream out, String... args) {
    return CommandClient.runInApp(Map.of("TASK_DATA_DIR", dataDir.toString(), "TASK_TIMEZONE", "UTC"),
        Path.of("").toAbsolutePath(), args, Terminal.system(), out, new ByteArrayOutputStream());
  }
}
