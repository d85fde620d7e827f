package dev.taskmanager.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the default settings the app and its embedded MongoDB-wire server (which has no
 * authentication) listen on 127.0.0.1 only: from this machine's own network address, both ports
 * refuse connections.
 */
class LoopbackOnlyTest {

  private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

  @Test
  void theAppAndItsEmbeddedStoreListenOnLoopbackOnly(@TempDir Path dataDir) throws Exception {
    Optional<InetAddress> outside = nonLoopbackAddress();
    Assumptions.assumeTrue(outside.isPresent(), "this machine has no non-loopback IPv4 address to try from");

    try (TestServer server = TestServer.onTheEmbeddedStore(dataDir)) {
      URI store = URI.create(Files.readString(dataDir.resolve("mongo.address")).strip());
      URI app = server.uri("/");
      assertThat(store.getHost()).isEqualTo("127.0.0.1");
      assertThat(app.getHost()).isEqualTo("127.0.0.1");

      for (URI listener : List.of(store, app)) {
        connect(InetAddress.getLoopbackAddress(), listener.getPort()).close();
        assertThatThrownBy(() -> connect(outside.get(), listener.getPort()))
            .describedAs("connecting to %s from %s", listener, outside.get())
            .isInstanceOf(ConnectException.class);
      }
      System.out.printf("Exposure: %s and %s refuse connections at %s%n", store, app, outside.get().getHostAddress());
    }
  }

  private static Socket connect(InetAddress address, int port) throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MILLIS);
      return socket;
    } catch (IOException failed) {
      socket.close();
      throw failed;
    }
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .filter(network -> {
          try {
            return network.isUp() && !network.isLoopback();
          } catch (SocketException gone) {
            return false;
          }
        })
        .flatMap(NetworkInterface::inetAddresses)
        .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()
            && !address.isLinkLocalAddress())
        .findFirst();
  }
}
