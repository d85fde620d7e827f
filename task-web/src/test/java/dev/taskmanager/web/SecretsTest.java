package dev.taskmanager.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signing secret: TASK_SECRET, or one generated once and kept in the data directory. */
class SecretsTest {

  @TempDir
  Path dataDir;

  @Test
  void usesTaskSecretWhenSet() {
    Settings settings = Settings.parse(Map.of("TASK_SECRET", TestServer.SECRET, "TASK_DATA_DIR", dataDir.toString()));

    assertThat(Secrets.resolve(settings)).isEqualTo(TestServer.SECRET.getBytes(StandardCharsets.UTF_8));
    assertThat(dataDir).isEmptyDirectory();
  }

  @Test
  void generatesOneOwnerOnlySecretAndKeepsItAcrossRestarts() throws Exception {
    Path nested = dataDir.resolve("new/data");
    Settings settings = Settings.parse(Map.of("TASK_DATA_DIR", nested.toString()));

    byte[] first = Secrets.resolve(settings);
    byte[] second = Secrets.resolve(settings);

    assertThat(first).hasSizeGreaterThanOrEqualTo(Settings.SECRET_MIN_LENGTH).isEqualTo(second);
    Path file = nested.resolve(Secrets.FILE_NAME);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(nested)))
        .describedAs("the data directory it made, as the embedded store makes it").isEqualTo("rwx------");
  }

  @Test
  void anEmptySecretFileStopsStartUpClearly() throws Exception {
    Files.writeString(dataDir.resolve(Secrets.FILE_NAME), "\n");

    assertThatThrownBy(() -> Secrets.resolve(Settings.parse(Map.of("TASK_DATA_DIR", dataDir.toString()))))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("holds no usable secret");
  }

  @Test
  void anUnwritableDataDirectoryStopsStartUpClearly() throws Exception {
    Path notADirectory = Files.writeString(dataDir.resolve("file"), "x");

    assertThatThrownBy(() -> Secrets.resolve(Settings.parse(Map.of("TASK_DATA_DIR", notADirectory.toString()))))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith("TASK_DATA_DIR (--data-dir): cannot keep the generated secret in");
  }
}
