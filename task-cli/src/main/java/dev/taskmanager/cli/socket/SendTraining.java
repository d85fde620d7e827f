package dev.taskmanager.cli.socket;

import dev.taskmanager.cli.Terminal;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The build's training run for the class-data archive of sending a command ({@code
 * task-cli-send.jsa}, which {@code bin/task} uses when an app serves the data directory): one
 * command sent as {@link CommandClient} sends it, to a stand-in that answers as the app does. The
 * command line's own archive would cost more to map than the whole send.
 */
public final class SendTraining {

  private SendTraining() {}

  public static void main(String[] args) throws Exception {
    Path directory = Files.createTempDirectory("task-send-training");
    Path socket = directory.resolve(Replies.SOCKET_FILE);
    try (ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      listener.bind(UnixDomainSocketAddress.of(socket));
      Thread app = new Thread(() -> answerOne(listener), "stand-in app");
      app.start();
      int exitCode = CommandClient.runInApp(Map.of("TASK_DATA_DIR", directory.toString()), Path.of("")
          .toAbsolutePath(), new String[] {"list"}, Terminal.system(), OutputStream.nullOutputStream(),
          OutputStream.nullOutputStream()).orElseThrow();
      app.join();
      if (exitCode != 0) {
        throw new IllegalStateException("the stand-in app's command exited " + exitCode);
      }
    } finally {
      Files.deleteIfExists(socket);
      Files.delete(directory);
    }
  }

  private static void answerOne(ServerSocketChannel listener) {
    try (SocketChannel channel = listener.accept()) {
      CommandRequest.readFrom(new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel))));
      Replies replies = new Replies(new DataOutputStream(Channels.newOutputStream(channel)));
      replies.accept();
      replies.stream(Replies.OUT).write(new byte[] {'o', 'k', '\n'});
      replies.stream(Replies.ERR).write(new byte[] {'o', 'k', '\n'});
      replies.exit(0);
    } catch (IOException failed) {
      throw new IllegalStateException("the stand-in app failed", failed);
    }
  }
}
