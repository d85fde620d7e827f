package dev.taskmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.cli.Cli.Result;
import dev.taskmanager.cli.store.StoreModules;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bounded in real time, with room for a loaded machine: far below the driver's default 30 s. */
class UnreachableStoreIT {

  private final Cli cli = new Cli(StoreModules::select);

  @Test
  void anUnreachableMongoDbIsStoreUnavailableWithinSeconds() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    long start = System.nanoTime();

    Result result = cli.run("list", "--mongo-uri", "mongodb://127.0.0.1:" + closedPort + "/");

    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(result.err()).startsWith("task: store unavailable: MongoDB cannot be reached").doesNotContain("\tat ");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
  }
}
