package dev.taskmanager.web;

import com.google.inject.Binding;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import dev.taskmanager.cli.socket.CommandServer;
import dev.taskmanager.cli.store.OpenStoreModule;
import dev.taskmanager.core.account.TokenStore;
import dev.taskmanager.core.account.UserStore;
import dev.taskmanager.core.model.TaskStoreException;
import dev.taskmanager.core.port.TaskStore;
import dev.taskmanager.core.text.Excerpts;
import dev.taskmanager.mongo.wiring.ProvisionFailures;
import dev.taskmanager.mongo.wiring.StoreLifecycle;
import dev.taskmanager.web.access.OpenMode;
import dev.taskmanager.web.metrics.Metrics;
import dev.taskmanager.web.api.Readiness;
import java.io.PrintStream;
import java.net.BindException;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web app's entry point: reads the settings, builds the object graph from a store module and
 * the {@link WebModule}, starts the server and logs its address. On SIGTERM it stops taking
 * requests, finishes those in flight and closes the store.
 *
 * <h2>The store seam</h2>
 * {@link #storeModule(Settings)} is the one place that chooses the store. A store module binds
 * {@link dev.taskmanager.core.port.TaskStore} and its {@link StoreLifecycle}: the app logs its
 * description at start-up and closes it after the last request.
 */
public final class WebApp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);

  private final WebServer server;
  private final Optional<CommandServer> commandLine;
  private final StoreLifecycle store;
  private final Metrics metrics;

  private WebApp(WebServer server, Optional<CommandServer> commandLine, StoreLifecycle store, Metrics metrics) {
    this.server = server;
    this.commandLine = commandLine;
    this.store = store;
    this.metrics = metrics;
  }

  public static void main(String[] args) {
    int status = run(System.getenv(), args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Starts the app as {@code main} does and returns 0 while it runs (a shutdown hook stops it), or
   * the exit status when it cannot start: 2 for a wrong setting, printed as one line.
   */
  static int run(Map<String, String> env, String[] args, PrintStream out, PrintStream err) {
    try {
      Settings settings = Settings.parse(env, args);
      if (settings.help()) {
        out.print(Settings.usage());
        return 0;
      }
      settings.logFormat().use();
      WebApp app = start(settings, storeModule(settings), Clock.systemUTC());
      Runtime.getRuntime().addShutdownHook(new Thread(app::close, "task-web-shutdown"));
      LOG.info("Task Manager is running at {}", app.url());
      return 0;
    } catch (SettingsException wrong) {
      err.println("task-web: " + wrong.getMessage());
      return 2;
    } catch (TaskStoreException storeFailed) {
      // The store's own words: the data directory in use, duplicate ids to repair, no server.
      err.println("task-web: " + Excerpts.joinLines(storeFailed.getMessage()));
      return 1;
    }
  }

  /**
   * The store module these settings ask for: the one place that chooses the store. MongoDB by
   * default: the server at {@code TASK_MONGO_URI}, or the embedded server in the data directory.
   */
  static Module storeModule(Settings settings) {
    switch (settings.store()) {
      case MEMORY:
        return new InMemoryStoreModule();
      case MONGO:
      default:
        return new MongoStoreModule(settings);
    }
  }

  /**
   * Starts a server with this store module. Tests use it with port 0.
   *
   * @throws SettingsException when the port is taken or the host cannot be bound, or for a setting
   *     that only fails when used (an unwritable data directory)
   */
  public static WebApp start(Settings settings, Module storeModule, Clock clock) {
    byte[] secret = Secrets.resolve(settings);
    Injector injector = createInjector(storeModule, new WebModule(settings, secret, clock));
    StoreLifecycle store = injector.getInstance(StoreLifecycle.class);
    Metrics metrics = injector.getInstance(Metrics.class);
    LOG.info("Tasks are kept in {}", store.description());
    try {
      refuseOpenToTheNetwork(settings, injector.getInstance(OpenMode.class));
      WebServer server = new WebServer(settings, injector.getInstance(RouteTable.class));
      startOrExplain(server, settings);
      Warmup.run(server.url());
      injector.getInstance(Readiness.class).markWarm();
      return new WebApp(server, serveCommandLine(injector, store), store, metrics);
    } catch (RuntimeException failed) {
      metrics.close();
      closeQuietly(store);
      throw failed;
    }
  }

  /**
   * Serves the {@code task} commands typed on this machine while the app runs on its embedded
   * store, on that store: each then costs a small program's start instead of the command line's.
   */
  private static Optional<CommandServer> serveCommandLine(Injector injector, StoreLifecycle store) {
    Binding<ServedCommandLine> served = injector.getExistingBinding(Key.get(ServedCommandLine.class));
    if (served == null) {
      return Optional.empty();
    }
    ServedCommandLine where = served.getProvider().get();
    return CommandServer.start(where.dataDirectory(), where.database(), new OpenStoreModule(
        injector.getInstance(TaskStore.class), injector.getInstance(UserStore.class),
        injector.getInstance(TokenStore.class), store.description() + ", served by the web app"));
  }

  /** Where the app answers, e.g. {@code http://127.0.0.1:8080/}. */
  public URI url() {
    return server.url();
  }

  /** Stops taking requests, waits for those in flight, then closes the store. */
  @Override
  public void close() {
    try {
      commandLine.ifPresent(CommandServer::close);
      server.stop();
    } finally {
      metrics.close();
      closeQuietly(store);
      LOG.info("Task Manager stopped.");
    }
  }

  /**
   * Builds every singleton now (the store opens before the first request), and turns a store
   * that cannot open into its own one-line error rather than Guice's report.
   */
  private static Injector createInjector(Module... modules) {
    try {
      return Guice.createInjector(Stage.PRODUCTION, modules);
    } catch (CreationException | ProvisionException failed) {
      if (ProvisionFailures.causeOf(failed) instanceof TaskStoreException storeFailed) {
        throw storeFailed;
      }
      throw failed;
    }
  }

  /**
   * With no user, anyone may do everything; that must not reach past this machine. Asked to listen
   * on another address before the first admin exists, the app does not start.
   */
  private static void refuseOpenToTheNetwork(Settings settings, OpenMode openMode) {
    if (!OpenMode.isLoopback(settings.httpHost()) && openMode.noUsers()) {
      throw new SettingsException("TASK_HTTP_HOST (--http-host) is " + settings.httpHost() + ", reachable from"
          + " other machines, and no user exists to sign in: anyone could change every task. Create the first"
          + " admin (task user add NAME --role admin; in the compose stack: docker compose run --rm cli user add"
          + " NAME --role admin), or listen on 127.0.0.1 only");
    }
  }

  private static void startOrExplain(WebServer server, Settings settings) {
    try {
      server.start();
    } catch (RuntimeException failed) {
      try {
        server.stop();
      } catch (RuntimeException alreadyDown) {
        failed.addSuppressed(alreadyDown);
      }
      Throwable cause = failed;
      while (cause != null) {
        if (cause instanceof BindException) {
          throw new SettingsException("TASK_HTTP_PORT (--http-port): cannot listen on " + settings.httpHost() + ":"
              + settings.httpPort() + " (" + cause.getMessage() + "); accepted: a free port on an address of this"
              + " machine (TASK_HTTP_HOST)", failed);
        }
        if (cause instanceof UnresolvedAddressException) {
          throw new SettingsException("TASK_HTTP_HOST (--http-host) is \"" + settings.httpHost()
              + "\", which does not resolve; accepted: an IP address or a resolvable host name", failed);
        }
        cause = cause.getCause();
      }
      throw failed;
    }
  }

  private static void closeQuietly(StoreLifecycle store) {
    try {
      store.close();
    } catch (RuntimeException failed) {
      LOG.error("closing the store failed", failed);
    }
  }
}
