package dev.taskmanager.cli.socket;

import com.google.inject.Module;
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
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * Runs the commands {@link CommandClient} sends, on the app's own store, through the same {@link
 * TaskCli} as the command line, from a Unix socket in the data directory. Only its owner can reach
 * it: the directory is the owner's alone, the socket file too, and a peer of another user is
 * refused (it runs the command itself, as it would with no app).
 */
public final class CommandServer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(CommandServer.class.getName());
  /** Commands run at once; more wait in a short queue, and past it are refused (run by the client). */
  private static final int THREADS = 2;
  private static final int QUEUED = 16;
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
  private final String owner = System.getProperty("user.name");

  private CommandServer(ServerSocketChannel listener, Path socket, Path dataDirectory, String database,
      Module stores) {
    this.listener = listener;
    this.socket = socket;
    this.dataDirectory = dataDirectory;
    this.database = database;
    this.stores = stores;
    this.commands = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUED),
        daemon("task-command"));
    this.commands.allowCoreThreadTimeOut(true);
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
      try {
        listener.bind(UnixDomainSocketAddress.of(socket));
        ownerOnly(socket);
      } catch (IOException | RuntimeException notBound) {
        listener.close();
        throw notBound;
      }
      CommandServer server = new CommandServer(listener, socket, dataDirectory.toRealPath(), database, stores);
      Thread accepting = daemon("task-command-socket").newThread(server::accept);
      accepting.start();
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
        continue;
      }
      try {
        String peer = peerUser(channel);
        if (peer != null && !peer.equals(owner)) {
          refuse(channel, "the app serves the command line of " + owner + " only");
        } else {
          commands.execute(() -> serve(channel));
        }
      } catch (RejectedExecutionException busy) {
        refuse(channel, "busy");
      }
    }
  }

  private static String peerUser(SocketChannel channel) {
    try {
      UnixDomainPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
      return peer.user().getName();
    } catch (IOException | UnsupportedOperationException unknown) {
      return null;
    }
  }

  private void serve(SocketChannel channel) {
    ScheduledFuture<?> deadline = deadlines.schedule(() -> closeQuietly(channel), REQUEST_SECONDS, TimeUnit.SECONDS);
    try (channel) {
      CommandRequest request = CommandRequest.readFrom(new DataInputStream(
          new BufferedInputStream(bounded(Channels.newInputStream(channel)))));
      deadline.cancel(false);
      DataOutputStream reply = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
      if (!database.equals(request.database()) || !sameDirectory(Path.of(request.dataDirectory()))) {
        Replies.refuse(reply, "another store");
        return;
      }
      Replies replies = new Replies(reply);
      replies.accept();
      replies.exit(run(request, replies));
    } catch (IOException clientGone) {
      // It sent no request, or left: nothing more to do for it.
    } catch (RuntimeException failed) {
      LOG.log(Level.ERROR, "serving a command failed", failed);
    } finally {
      deadline.cancel(false);
    }
  }

  private int run(CommandRequest request, Replies replies) {
    PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
        replies.stream(Replies.OUT), StandardCharsets.UTF_8), 1 << 16));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(replies.stream(Replies.ERR), StandardCharsets.UTF_8), true);
    Map<String, String> environment = new HashMap<>(request.environment());
    // "Today" is the person's, not the app's: their zone unless they named one.
    clientZone(request.zone()).ifPresent(zone -> environment.putIfAbsent("TASK_TIMEZONE", zone));
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
      Replies.refuse(new DataOutputStream(Channels.newOutputStream(channel)), reason);
    } catch (IOException clientGone) {
      // It runs the command itself either way.
    }
  }

  private static void closeQuietly(SocketChannel channel) {
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

  private static void closeQuietly(ServerSocketChannel channel) {
    try {
      channel.close();
    } catch (IOException alreadyClosed) {
      // As above.
    }
  }
}
