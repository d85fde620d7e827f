package dev.taskmanager.cli.socket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.cli.store.InMemoryStoreModule;
import dev.taskmanager.core.memory.InMemoryTaskStore;
import dev.taskmanager.core.memory.InMemoryTokenStore;
import dev.taskmanager.core.memory.InMemoryUserStore;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server as any local program could speak to it: it serves its own store only, and no stranger's bytes. */
class CommandServerTest {

  @TempDir
  Path dataDir;

  private final InMemoryTaskStore store = new InMemoryTaskStore();
  private CommandServer server;

  @BeforeEach
  void serve() {
    server = CommandServer.start(dataDir, "TaskManager",
        new InMemoryStoreModule(store, new InMemoryUserStore(), new InMemoryTokenStore())).orElseThrow();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aRequestForAnotherDirectoryOrDatabaseIsRefusedWithNothingRun(@TempDir Path elsewhere) throws IOException {
    assertThat(answer(request(elsewhere.toString(), "TaskManager", "add", "x"))).isEqualTo(Replies.REFUSED);
    assertThat(answer(request(dataDir.toString(), "Other", "add", "x"))).isEqualTo(Replies.REFUSED);
    assertThat(store.count()).isZero();

    assertThat(answer(request(dataDir.toString(), "TaskManager", "add", "x"))).isEqualTo(Replies.ACCEPTED);
  }

  @Test
  void aCommandTheAppDoesNotRunIsRefusedWhoeverSendsIt() throws IOException {
    for (List<String> args : List.<List<String>>of(List.of("import", "-"), List.of("reset", "--yes"), List.of("export", "--output",
        "tasks.json"), List.of("add", "--titles-from", "-"), List.of("list", "@args"), List.of())) {
      assertThat(answer(request(dataDir.toString(), "TaskManager", args.toArray(String[]::new))))
          .as("task %s", args).isEqualTo(Replies.REFUSED);
    }
  }

  @Test
  void aRequestOverItsBoundIsCutOff() throws IOException {
    String[] args = new String[20];
    Arrays.fill(args, "x".repeat(60_000));
    args[0] = "list";
    try (SocketChannel channel = connect()) {
      request(dataDir.toString(), "TaskManager", args).writeTo(new DataOutputStream(Channels.newOutputStream(channel)));
      assertThat(channel.read(ByteBuffer.allocate(16))).isEqualTo(-1);
    } catch (IOException cutWhileSending) {
      // The server closed the connection before the client had sent it all: cut off too.
    }

    assertThat(answer(request(dataDir.toString(), "TaskManager", "stats"))).isEqualTo(Replies.ACCEPTED);
  }

  @Test
  void theParsedOptionsMustNameTheAppsStoreToo() throws IOException {
    // A request naming this directory whose arguments name another store: the command fails, as said.
    try (SocketChannel channel = connect()) {
      request(dataDir.toString(), "TaskManager", "add", "x", "--db", "Other")
          .writeTo(new DataOutputStream(Channels.newOutputStream(channel)));
      DataInputStream reply = new DataInputStream(Channels.newInputStream(channel));
      assertThat(reply.readUnsignedByte()).isEqualTo(Replies.ACCEPTED);
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      while (true) {
        int stream = reply.readUnsignedByte();
        if (stream == Replies.EXIT) {
          assertThat(reply.readInt()).isEqualTo(4);
          break;
        }
        byte[] bytes = new byte[reply.readInt()];
        reply.readFully(bytes);
        err.write(bytes);
      }
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("serves its own store only", "database Other");
    }
    assertThat(store.count()).isZero();
  }

  @Test
  void bytesThatAreNoRequestCloseTheirConnectionAndTheServerGoesOn() throws IOException {
    try (SocketChannel channel = connect()) {
      channel.write(ByteBuffer.wrap("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
      assertThat(channel.read(ByteBuffer.allocate(16))).isEqualTo(-1);
    }
    try (SocketChannel channel = connect()) {
      DataOutputStream out = new DataOutputStream(Channels.newOutputStream(channel));
      out.writeInt(0x7461736B);
      out.writeInt(1);
      out.writeUTF(".");
      out.writeUTF(dataDir.toString());
      out.writeUTF("TaskManager");
      out.writeUTF("");
      out.writeBoolean(false);
      out.writeBoolean(false);
      out.writeInt(80);
      out.writeInt(Integer.MAX_VALUE);
      assertThat(channel.read(ByteBuffer.allocate(16))).isEqualTo(-1);
    }

    assertThat(answer(request(dataDir.toString(), "TaskManager", "stats"))).isEqualTo(Replies.ACCEPTED);
  }

  private CommandRequest request(String directory, String database, String... args) {
    return new CommandRequest(Path.of("").toAbsolutePath().toString(), directory, database, "UTC", false, false, 80,
        Map.of(), List.of(args));
  }

  /** Sends the request and reads the first byte of the answer. */
  private int answer(CommandRequest request) throws IOException {
    try (SocketChannel channel = connect()) {
      request.writeTo(new DataOutputStream(Channels.newOutputStream(channel)));
      DataInputStream reply = new DataInputStream(Channels.newInputStream(channel));
      int first = reply.readUnsignedByte();
      reply.readAllBytes();
      return first;
    }
  }

  private SocketChannel connect() throws IOException {
    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    channel.connect(UnixDomainSocketAddress.of(dataDir.resolve(Replies.SOCKET_FILE)));
    return channel;
  }
}
