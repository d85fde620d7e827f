package dev.taskmanager.cli.socket;

import com.google.inject.Module;
import dev.taskmanager.cli.ExitCodes;
import dev.taskmanager.cli.TaskCli;
import dev.taskmanager.cli.store.StoreModules;
import dev.taskmanager.core.model.TaskStoreException;
import dev.taskmanager.mongo.wiring.StoreKind;
import dev.taskmanager.mongo.wiring.StoreOptions;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.System.Logger.Level;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channel;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * Runs the commands {@link CommandClient} sends, on the app's own store, through the same {@link
 * TaskCli} as the command line, from a Unix socket in the data directory. Only its owner can reach
 * it: the socket file is the owner's alone, and a peer of another user is refused (it runs the
 * command itself, as it would with no app).
 */
public final class CommandServer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(CommandServer.class.getName());
  /**
   * Commands run at once; one more is refused at once (the client runs it itself), never queued
   * behind clients slow to read (a {@code task list --all | less}).
   */
  private static final int THREADS = 4;
  /** After a failed accept (out of file descriptors), a pause before the next. */
  private static final long ACCEPT_RETRY_MILLIS = 100;
  /** A client has this long to send its request, so that none holds a thread by sending nothing. */
  private static final long REQUEST_SECONDS = 10;
  /** How long closing waits for the commands running. */
  private static final long FINISH_SECONDS = 10;
  /** At most this much request, its bounds on counts aside. */
  private static final int MAX_REQUEST_BYTES = 1 << 20;

  private final ServerSocketChannel listener;
  private final Path socket;
  private final Path dataDirectory;
  private final String database;
  private final Module stores;
  private final ThreadPoolExecutor commands;
  private final ScheduledExecutorService deadlines;
  /** The socket's owner, the app's user: the only peer served (by id, names may be missing). */
  private final UserPrincipal owner;

  private CommandServer(ServerSocketChannel listener, Path socket, Path dataDirectory, String database,
      Module stores) throws IOException {
    this.listener = listener;
    this.socket = socket;
    this.dataDirectory = dataDirectory;
    this.database = database;
    this.stores = stores;
    this.owner = Files.getOwner(socket);
    this.commands = new ThreadPoolExecutor(0, THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
        daemon("task-command"));
    this.deadlines = Executors.newSingleThreadScheduledExecutor(daemon("task-command-deadline"));
  }

  /**
   * Listens on the socket in {@code dataDirectory} (replacing one left by an app that was killed:
   * the caller holds the directory's lock) and serves commands on the store {@code stores} binds,
   * the one these options name. Without a socket (a path too long for one, a file system without
   * them) the command line opens its own connection, as before: a warning, not a failure.
   *
   * @param stores a module binding the store's ports and its lifecycle (the app's store, which the
   *     commands must not close)
   */
  public static Optional<CommandServer> start(Path dataDirectory, String database, Module stores) {
    Path socket = dataDirectory.resolve(Replies.SOCKET_FILE);
    try {
      Files.deleteIfExists(socket);
      ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      CommandServer server;
      try {
        listener.bind(UnixDomainSocketAddress.of(socket));
        ownerOnly(socket);
        server = new CommandServer(listener, socket, dataDirectory.toRealPath(), database, stores);
      } catch (IOException | RuntimeException notServing) {
        listener.close();
        Files.deleteIfExists(socket);
        throw notServing;
      }
      daemon("task-command-socket").newThread(server::accept).start();
      return Optional.of(server);
    } catch (IOException | RuntimeException unavailable) {
      LOG.log(Level.WARNING, "The command line cannot be served on " + socket + " (" + unavailable
          + "); task commands will open their own connection to the store, at their usual start-up cost");
      return Optional.empty();
    }
  }

  private static void ownerOnly(Path socket) throws IOException {
    try {
      Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // The directory's own permissions guard it.
    }
  }

  private void accept() {
    while (listener.isOpen()) {
      SocketChannel channel;
      try {
        channel = listener.accept();
      } catch (ClosedChannelException closed) {
        return;
      } catch (IOException failed) {
        LOG.log(Level.WARNING, "accepting a command failed", failed);
        pause();
        continue;
      }
      if (!fromOwner(channel)) {
        refuse(channel, "the app serves its own user's command line only");
        continue;
      }
      try {
        commands.execute(() -> serve(channel));
      } catch (RejectedExecutionException busy) {
        refuse(channel, "busy");
      }
    }
  }

  /** Whether the peer is the socket's owner; not when it cannot be told. */
  private boolean fromOwner(SocketChannel channel) {
    try {
      UnixDomainPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
      return peer.user().equals(owner);
    } catch (IOException | UnsupportedOperationException unknown) {
      return false;
    }
  }

  private void serve(SocketChannel channel) {
    try (channel) {
      ScheduledFuture<?> deadline = deadlines.schedule(() -> closeQuietly(channel), REQUEST_SECONDS,
          TimeUnit.SECONDS);
      CommandRequest request;
      try {
        request = CommandRequest.readFrom(new DataInputStream(
            new BufferedInputStream(bounded(Channels.newInputStream(channel)))));
      } finally {
        deadline.cancel(false);
      }
      DataOutputStream reply = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
      if (CommandClient.served(request.args()).isEmpty()) {
        // A client of another release, or no client at all: the app runs what this one sends only.
        Replies.refuse(reply, "not a command the app runs");
        return;
      }
      if (!database.equals(request.database()) || !sameDirectory(Path.of(request.dataDirectory()))) {
        Replies.refuse(reply, "another store");
        return;
      }
      Replies replies = new Replies(reply);
      replies.accept();
      replies.exit(runOrReport(request, replies));
    } catch (IOException clientGone) {
      // It sent no request, or left: nothing more to do for it.
    } catch (RejectedExecutionException closing) {
      // The app is stopping: the connection closes, and the client runs the command itself.
    } catch (RuntimeException failed) {
      LOG.log(Level.ERROR, "serving a command failed", failed);
    }
  }

  /** Runs the command; a failure the command line's own handling let through is logged here, not lost. */
  private int runOrReport(CommandRequest request, Replies replies) {
    try {
      return run(request, replies);
    } catch (RuntimeException | Error failed) {
      LOG.log(Level.ERROR, "running a command of the command line failed", failed);
      PrintWriter err = new PrintWriter(new OutputStreamWriter(replies.stream(Replies.ERR), StandardCharsets.UTF_8), true);
      err.println("task: the web app could not run the command (its log says why)");
      return ExitCodes.INTERNAL_ERROR;
    }
  }

  private int run(CommandRequest request, Replies replies) {
    PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
        replies.stream(Replies.OUT), StandardCharsets.UTF_8), 1 << 16));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(replies.stream(Replies.ERR), StandardCharsets.UTF_8), true);
    Map<String, String> environment = new HashMap<>(request.environment());
    // "Today" is the person's, not the app's: their zone unless they named one.
    String named = environment.get("TASK_TIMEZONE");
    if (named == null || named.isEmpty()) {
      clientZone(request.zone()).ifPresent(zone -> environment.put("TASK_TIMEZONE", zone));
    }
    Path workingDirectory = Path.of(request.workingDirectory());
    return TaskCli.run(new ServedTerminal(request.interactive(), request.width(), request.colour()),
        options -> storeFor(options, workingDirectory), environment, request.args().toArray(String[]::new), out, err);
  }

  /** The zone the client's JVM would take, when its name is one; else the app's (the same machine's). */
  private static Optional<String> clientZone(String name) {
    try {
      return name.isEmpty() ? Optional.empty() : Optional.of(ZoneId.of(name).getId());
    } catch (DateTimeException notAZone) {
      return Optional.empty();
    }
  }

  /** The app's store, when the parsed options name it; the client read them alike, so this is a rare edge. */
  private Module storeFor(StoreOptions options, Path workingDirectory) {
    if (options.kind() != StoreKind.MONGO || options.mongoUri().isPresent() || !options.database().equals(database)
        || !sameDirectory(workingDirectory.resolve(options.dataDir()))) {
      throw new TaskStoreException("the web app running on " + dataDirectory + " serves its own store only"
          + " (database " + database + "), and this command names " + StoreModules.describe(options)
          + "; stop the app or name its store");
    }
    return stores;
  }

  private boolean sameDirectory(Path named) {
    try {
      return Files.isSameFile(named, dataDirectory);
    } catch (IOException | SecurityException unknown) {
      return false;
    }
  }

  private static void pause() {
    try {
      Thread.sleep(ACCEPT_RETRY_MILLIS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static InputStream bounded(InputStream in) {
    return new InputStream() {
      private int left = MAX_REQUEST_BYTES;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] bytes, int offset, int length) throws IOException {
        if (left <= 0) {
          throw new IOException("a command request over " + MAX_REQUEST_BYTES + " bytes");
        }
        int read = in.read(bytes, offset, Math.min(length, left));
        left -= Math.max(read, 0);
        return read;
      }
    };
  }

  private static void refuse(SocketChannel channel, String reason) {
    try (channel) {
      Replies.refuse(new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel))), reason);
    } catch (IOException clientGone) {
      // It runs the command itself either way.
    }
  }

  private static void closeQuietly(Channel channel) {
    try {
      channel.close();
    } catch (IOException alreadyClosed) {
      // Closed is what was wanted.
    }
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * Stops listening, removes the socket and waits a while for the commands running to finish, so
   * that the store they work on is still open for them.
   */
  @Override
  public void close() {
    closeQuietly(listener);
    commands.shutdown();
    try {
      commands.awaitTermination(FINISH_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    deadlines.shutdownNow();
    try {
      Files.deleteIfExists(socket);
    } catch (IOException left) {
      // The next app replaces it; a client meanwhile finds no one and runs the command itself.
    }
  }
}
