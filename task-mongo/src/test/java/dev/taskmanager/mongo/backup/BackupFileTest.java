package dev.taskmanager.mongo.backup;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What checking a file refuses before it reaches the store, whatever the file holds. */
class BackupFileTest {

  @TempDir
  Path folder;

  @Test
  void aLineLongerThanAnyDocumentIsRefusedWithoutReadingItWhole() throws IOException {
    Path file = folder.resolve("one-long-line.gz");
    byte[] chunk = "a".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      for (int i = 0; i <= BackupFile.MAX_LINE_CHARS >> 20; i++) {
        out.write(chunk);
      }
    }

    assertThatThrownBy(() -> MongoBackups.check(file)).isInstanceOf(BackupFileException.class)
        .hasMessage(file + ": line 1 is longer than any document of a backup (67108864 characters); nothing was changed");
  }

  @Test
  void aFolderOrAMissingFileIsNamedAsSuch() {
    assertThatThrownBy(() -> MongoBackups.check(folder)).hasMessage(folder + ": is a folder; give a backup file");
    assertThatThrownBy(() -> MongoBackups.check(folder.resolve("missing.gz")))
        .hasMessage(folder.resolve("missing.gz") + ": there is no such file");
  }
}
