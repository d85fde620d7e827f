package dev.taskmanager.cli.socket;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * What the app answers a {@link CommandRequest}: first {@link #ACCEPTED} or {@link #REFUSED} with the
 * reason (then the client runs the command itself, as nothing ran), then the command's output as
 * frames of one stream's bytes, then its exit code. Written by one command at a time.
 */
final class Replies {

  /** The socket's file in the data directory. */
  static final String SOCKET_FILE = "task.sock";

  static final int ACCEPTED = 'Y';
  static final int REFUSED = 'N';
  static final int EXIT = 0;
  static final int OUT = 1;
  static final int ERR = 2;

  private final DataOutputStream reply;

  Replies(DataOutputStream reply) {
    this.reply = reply;
  }

  static void refuse(DataOutputStream reply, String reason) throws IOException {
    reply.writeByte(REFUSED);
    reply.writeUTF(reason);
    reply.flush();
  }

  void accept() throws IOException {
    reply.writeByte(ACCEPTED);
    reply.flush();
  }

  /** Standard output ({@link #OUT}) or error ({@link #ERR}) of the command, each write one frame. */
  OutputStream stream(int stream) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        if (length > 0) {
          synchronized (reply) {
            reply.writeByte(stream);
            reply.writeInt(length);
            reply.write(bytes, offset, length);
          }
        }
      }

      @Override
      public void flush() throws IOException {
        synchronized (reply) {
          reply.flush();
        }
      }
    };
  }

  void exit(int code) throws IOException {
    synchronized (reply) {
      reply.writeByte(EXIT);
      reply.writeInt(code);
      reply.flush();
    }
  }
}
