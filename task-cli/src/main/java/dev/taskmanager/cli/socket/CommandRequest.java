package dev.taskmanager.cli.socket;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command as the client sends it to the web app: where it was typed, what it names, and what the
 * person's terminal is like, since the app runs it without one.
 *
 * @param workingDirectory the client's, against which relative paths (the data directory) resolve
 * @param dataDirectory the data directory the command names, absolute: the app serves only its own
 * @param database the database the command names: the app serves only its own
 * @param zone the name of the client's time zone, "today" for a command given no {@code --timezone};
 *     "" when unknown
 * @param interactive whether a person is at the client's terminal
 * @param colour whether the client's terminal takes colour
 * @param width the client's terminal width in columns
 * @param environment the client's {@code TASK_*} variables, the options' defaults
 * @param args the command's arguments, as typed
 */
record CommandRequest(String workingDirectory, String dataDirectory, String database, String zone,
    boolean interactive, boolean colour, int width, Map<String, String> environment, List<String> args) {

  /** "task" in ASCII, then the version: a stranger's bytes or another release's are refused. */
  private static final int MAGIC = 0x7461736B;
  private static final int VERSION = 1;
  /** Bounds on what a request may hold, so that no client can make the app read without end. */
  static final int MAX_ARGS = 4096;
  static final int MAX_VARIABLES = 256;

  CommandRequest {
    environment = Map.copyOf(environment);
    args = List.copyOf(args);
  }

  void writeTo(DataOutputStream out) throws IOException {
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    out.writeUTF(workingDirectory);
    out.writeUTF(dataDirectory);
    out.writeUTF(database);
    out.writeUTF(zone);
    out.writeBoolean(interactive);
    out.writeBoolean(colour);
    out.writeInt(width);
    out.writeInt(environment.size());
    for (Map.Entry<String, String> variable : environment.entrySet()) {
      out.writeUTF(variable.getKey());
      out.writeUTF(variable.getValue());
    }
    out.writeInt(args.size());
    for (String arg : args) {
      out.writeUTF(arg);
    }
    out.flush();
  }

  /** Reads a request; an {@link IOException} for anything that is not one this release writes. */
  static CommandRequest readFrom(DataInputStream in) throws IOException {
    if (in.readInt() != MAGIC || in.readInt() != VERSION) {
      throw new IOException("not a command request of this release");
    }
    String workingDirectory = in.readUTF();
    String dataDirectory = in.readUTF();
    String database = in.readUTF();
    String zone = in.readUTF();
    boolean interactive = in.readBoolean();
    boolean colour = in.readBoolean();
    int width = in.readInt();
    int variables = count(in.readInt(), MAX_VARIABLES, "variables");
    Map<String, String> environment = new LinkedHashMap<>();
    for (int i = 0; i < variables; i++) {
      environment.put(in.readUTF(), in.readUTF());
    }
    int argCount = count(in.readInt(), MAX_ARGS, "arguments");
    List<String> args = new ArrayList<>(argCount);
    for (int i = 0; i < argCount; i++) {
      args.add(in.readUTF());
    }
    return new CommandRequest(workingDirectory, dataDirectory, database, zone, interactive, colour, width,
        environment, args);
  }

  private static int count(int count, int max, String what) throws IOException {
    if (count < 0 || count > max) {
      throw new IOException(count + " " + what + " in a command request; at most " + max);
    }
    return count;
  }
}
