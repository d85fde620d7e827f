package dev.taskmanager.cli.socket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.cli.ExitCodes;
import dev.taskmanager.cli.Terminal;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a stand-in app: what it does when the app refuses, or stops midway. */
class CommandClientTest {

  @TempDir
  Path dataDir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void anAppThatStopsAfterAcceptingIsReportedAndTheCommandNotRunAgain() throws Exception {
    OptionalInt exitCode = sendTo((replies, reply) -> {
      replies.accept();
      replies.stream(Replies.OUT).write("  ID  TITLE\n".getBytes(StandardCharsets.UTF_8));
      replies.stream(Replies.OUT).flush();
      // Then the app is gone: the connection closes with no exit code.
    });

    assertThat(exitCode).hasValue(ExitCodes.STORE_UNAVAILABLE);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("  ID  TITLE\n");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("the web app stopped while it ran the command");
  }

  @Test
  void aRefusalLeavesTheCommandToTheCommandLineWithNothingPrinted() throws Exception {
    OptionalInt exitCode = sendTo((replies, reply) -> Replies.refuse(reply, "busy"));

    assertThat(exitCode).isEmpty();
    assertThat(out.size() + err.size()).isZero();
  }

  @Test
  void theOutputAndExitCodeAreTheAppsByteForByte() throws Exception {
    byte[] text = "Zoë’s task ✓\n".getBytes(StandardCharsets.UTF_8);
    OptionalInt exitCode = sendTo((replies, reply) -> {
      replies.accept();
      // A character split across two frames, as a buffer boundary may fall.
      replies.stream(Replies.OUT).write(text, 0, 3);
      replies.stream(Replies.ERR).write("task: note\n".getBytes(StandardCharsets.UTF_8));
      replies.stream(Replies.OUT).write(text, 3, text.length - 3);
      replies.exit(3);
    });

    assertThat(exitCode).hasValue(3);
    assertThat(out.toByteArray()).isEqualTo(text);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("task: note\n");
  }

  /** What the stand-in app answers, once it has read the request. */
  interface Answer {
    void answer(Replies replies, DataOutputStream reply) throws IOException;
  }

  private OptionalInt sendTo(Answer answer) throws Exception {
    AtomicReference<Throwable> failed = new AtomicReference<>();
    try (ServerSocketChannel app = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      app.bind(UnixDomainSocketAddress.of(dataDir.resolve(Replies.SOCKET_FILE)));
      Thread serving = new Thread(() -> {
        try (SocketChannel channel = app.accept()) {
          CommandRequest.readFrom(new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel))));
          // Buffered as the app's is: a refusal leaves in one write, before the client hangs up.
          DataOutputStream reply = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
          answer.answer(new Replies(reply), reply);
          reply.flush();
        } catch (IOException | RuntimeException e) {
          failed.set(e);
        }
      });
      serving.start();
      OptionalInt exitCode = CommandClient.runInApp(Map.of("TASK_DATA_DIR", dataDir.toString()),
          Path.of("").toAbsolutePath(), new String[] {"list"}, Terminal.system(), out, err);
      serving.join(10_000);
      assertThat(failed.get()).isNull();
      return exitCode;
    }
  }
}
