package dev.taskmanager.cli.socket;

import dev.taskmanager.cli.ExitCodes;
import dev.taskmanager.cli.Terminal;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import jdk.net.ExtendedSocketOptions;

/**
 * Sends a command to the web app running on its data directory, when one is and the command is one
 * it serves, and passes on its output and exit code. Anything else (no app, another store, a
 * command that reads a file, the input or a password, help) is left to the command line itself: the
 * client then has run nothing.
 *
 * <p>Which store a command names is read here from the store options and their variables, as the
 * command line reads them; the app checks it again on the parsed options before it opens its
 * store, so a command it runs always works on the store the person named.
 */
public final class CommandClient {

  /**
   * The commands the app runs: those that read no file, no standard input and ask nothing (but
   * {@code add --titles-from}, see {@link #served}). The others need the client's files or
   * terminal; the command line runs them itself.
   */
  public static final Set<String> SERVED = Set.of("add", "list", "show", "edit", "done", "reopen", "stats", "deleted");

  /** The root's options that take a value (as {@code --name value} or {@code --name=value}). */
  private static final Set<String> VALUED_OPTIONS = Set.of("--store", "--mongo-uri", "--db", "--data-dir", "--timezone");
  private static final Set<String> HELP = Set.of("-h", "--help", "-V", "--version");
  /** The variables the command line reads: all of the person's environment the app is given. */
  private static final List<String> VARIABLES = List.of("TASK_STORE", "TASK_MONGO_URI", "TASK_DB", "TASK_DATA_DIR",
      "TASK_TIMEZONE");

  private CommandClient() {}

  /**
   * Runs the command in the app if the app serves it, writing its output to {@code out} and
   * {@code err}: its exit code, or empty when the caller is to run it (nothing was run).
   */
  public static OptionalInt runInApp(Map<String, String> environment, Path workingDirectory, String[] args,
      Terminal terminal, OutputStream out, OutputStream err) {
    Optional<Map<String, String>> options = served(List.of(args));
    if (options.isEmpty()
        || !option(options.get(), "--store", environment, "TASK_STORE", "mongo").strip().equalsIgnoreCase("mongo")
        || !option(options.get(), "--mongo-uri", environment, "TASK_MONGO_URI", "").isEmpty()) {
      return OptionalInt.empty();
    }
    Path dataDirectory;
    try {
      dataDirectory = Path.of(option(options.get(), "--data-dir", environment, "TASK_DATA_DIR", "data"));
    } catch (InvalidPathException notAPath) {
      return OptionalInt.empty();
    }
    // As given, relative to the working directory: shorter than absolute for a socket's address.
    Path socket = dataDirectory.resolve(Replies.SOCKET_FILE);
    if (!Files.exists(socket)) {
      return OptionalInt.empty();
    }
    CommandRequest request = new CommandRequest(workingDirectory.toString(),
        workingDirectory.resolve(dataDirectory).toString(), option(options.get(), "--db", environment, "TASK_DB",
            "TaskManager"), zone(environment), terminal.interactive(), terminal.colour(), terminal.width(),
        variables(environment), List.of(args));
    SocketChannel channel = null;
    try {
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      DataInputStream reply = accepted(channel, socket, request);
      if (reply == null) {
        return OptionalInt.empty();
      }
      // From here on the command runs in the app: whatever happens, never again here.
      return OptionalInt.of(relay(reply, out, err));
    } catch (IOException | RuntimeException notServed) {
      // No app (a socket left by one killed), or it went before accepting: nothing ran.
      return OptionalInt.empty();
    } finally {
      closeQuietly(channel);
    }
  }

  /**
   * Sends the request: the reply's stream once the app accepted it, {@code null} when it refused,
   * or when the socket is another user's (another user's app, or a socket planted to read what is
   * typed: the person's arguments and variables go only to their own app).
   */
  private static DataInputStream accepted(SocketChannel channel, Path socket, CommandRequest request)
      throws IOException {
    channel.connect(UnixDomainSocketAddress.of(socket));
    if (!channel.getOption(ExtendedSocketOptions.SO_PEERCRED).user().getName()
        .equals(System.getProperty("user.name"))) {
      return null;
    }
    request.writeTo(new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel))));
    DataInputStream reply = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 1 << 16));
    return reply.readUnsignedByte() == Replies.ACCEPTED ? reply : null;
  }

  /**
   * The root's store options these arguments give, when they name a command the app serves and
   * read nothing the app cannot: no {@code --titles-from} (a file or the input) and no {@code
   * @file} of arguments (read from the app's directory); empty otherwise. The app asks the same of
   * every request before it runs it.
   */
  static Optional<Map<String, String>> served(List<String> args) {
    Map<String, String> options = new HashMap<>();
    String command = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--") || HELP.contains(arg) || arg.startsWith("@") || arg.startsWith("--titles-from")) {
        // "--" makes what follows arguments, whatever they look like: the command line reads those.
        return Optional.empty();
      }
      int equals = arg.indexOf('=');
      String name = arg.startsWith("--") && equals > 0 ? arg.substring(0, equals) : arg;
      if (VALUED_OPTIONS.contains(name)) {
        if (equals < 0 && i + 1 == args.size()) {
          return Optional.empty();
        }
        options.put(name, equals > 0 ? arg.substring(equals + 1) : args.get(++i));
      } else if (command == null && !arg.startsWith("-")) {
        command = arg;
      }
    }
    if (command == null || !SERVED.contains(command)) {
      return Optional.empty();
    }
    return Optional.of(options);
  }

  /** Copies the command's output until its exit code; the app stopping midway is reported. */
  private static int relay(DataInputStream reply, OutputStream out, OutputStream err) {
    byte[] buffer = new byte[1 << 16];
    try {
      while (true) {
        int stream = reply.readUnsignedByte();
        if (stream == Replies.EXIT) {
          return reply.readInt();
        }
        int length = reply.readInt();
        OutputStream to = stream == Replies.ERR ? err : out;
        while (length > 0) {
          int read = reply.read(buffer, 0, Math.min(buffer.length, length));
          if (read < 0) {
            throw new EOFException();
          }
          writeQuietly(to, buffer, read);
          length -= read;
        }
        if (stream == Replies.ERR) {
          flushQuietly(err);
        }
      }
    } catch (IOException | RuntimeException appStopped) {
      flushQuietly(out);
      PrintStream message = new PrintStream(err, true, StandardCharsets.UTF_8);
      message.println("task: the web app stopped while it ran the command, which may or may not have been"
          + " done; look with 'task list' (the command line opens the store itself while no app runs)");
      return ExitCodes.STORE_UNAVAILABLE;
    } finally {
      flushQuietly(out);
      flushQuietly(err);
    }
  }

  /** The variables the command line reads, as the person set them. */
  private static Map<String, String> variables(Map<String, String> environment) {
    Map<String, String> variables = new TreeMap<>();
    for (String name : VARIABLES) {
      String value = environment.get(name);
      if (value != null) {
        variables.put(name, value);
      }
    }
    return variables;
  }

  /**
   * The name of the client's time zone as the JVM finds it on Linux ({@code TZ}, else the zone
   * {@code /etc/localtime} links to), or "" when neither says: then the app's, the same machine's.
   * Read here rather than by {@code ZoneId.systemDefault()}, which loads the zone rules: a tenth of
   * this program's time.
   */
  static String zone(Map<String, String> environment) {
    String variable = environment.get("TZ");
    if (variable != null && !variable.isEmpty()) {
      return variable.startsWith(":") ? variable.substring(1) : variable;
    }
    try {
      String target = Files.readSymbolicLink(Path.of("/etc/localtime")).toString();
      int rules = target.indexOf("zoneinfo/");
      return rules < 0 ? "" : target.substring(rules + "zoneinfo/".length());
    } catch (IOException | UnsupportedOperationException | SecurityException notALink) {
      return "";
    }
  }

  /** An option's value as the command line takes it: given, else its variable, else its default. */
  private static String option(Map<String, String> given, String name, Map<String, String> environment,
      String variable, String fallback) {
    String value = given.get(name);
    if (value == null) {
      value = environment.get(variable);
    }
    return value == null || value.isEmpty() ? fallback : value;
  }

  private static void writeQuietly(OutputStream to, byte[] bytes, int length) {
    try {
      to.write(bytes, 0, length);
    } catch (IOException closed) {
      // A reader that went away (task list | head): the rest is dropped, the exit code still comes.
    }
  }

  private static void flushQuietly(OutputStream stream) {
    try {
      stream.flush();
    } catch (IOException closed) {
      // As above.
    }
  }

  private static void closeQuietly(SocketChannel channel) {
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException alreadyClosed) {
      // Closed is what was wanted.
    }
  }
}
