package dev.taskmanager.embeddedmongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskmanager.embeddedmongo.testing.ChildProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A data directory belongs to one process; any other gets one clear line saying where to go. */
class DataDirectoryInUseIT {

  @TempDir
  Path dataDir;

  @Test
  @Timeout(60)
  void aSecondProcessIsToldWhoHoldsTheDirectoryAndHowToReachItsServer() throws Exception {
    try (ChildProcess holder = ChildProcess.start(EmbeddedMongoMain.class, dataDir.toString())) {
      assertThat(holder.awaitOutLines(1, 20_000)).describedAs("the holder started: %s", holder.err()).isTrue();
      String address = holder.out().get(0).replaceFirst("^listening on (\\S+) .*$", "$1");

      assertThatThrownBy(() -> EmbeddedMongoServer.start(dataDir, "test.mv.db", 0))
          .isInstanceOf(DataDirectoryInUseException.class)
          .hasMessage("data directory " + dataDir + " is in use by process " + holder.pid()
              + ", which serves it at " + address);

      holder.stop();
      assertThat(holder.awaitExit(20_000)).describedAs("stopped by SIGTERM").isNotNegative();
      assertThat(dataDir.resolve("mongo.address")).describedAs("a clean shutdown removes the address").doesNotExist();
    }
  }

  @Test
  @Timeout(60)
  void theStandaloneServerExitsWithOneLineWhenTheDirectoryIsTaken() throws Exception {
    try (EmbeddedMongoServer holder = EmbeddedMongoServer.start(dataDir, "test.mv.db", 0);
        ChildProcess second = ChildProcess.start(EmbeddedMongoMain.class, dataDir.toString())) {
      assertThat(second.awaitExit(20_000)).isEqualTo(1);
      assertThat(second.err()).containsExactly("embedded-mongo: data directory " + dataDir + " is in use by process "
          + ProcessHandle.current().pid() + ", which serves it at " + holder.address());
    }
  }
}
