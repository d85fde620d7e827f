package dev.taskmanager.cli.store;

import com.google.inject.Module;
import dev.taskmanager.core.memory.InMemoryTaskStore;
import dev.taskmanager.core.memory.InMemoryTokenStore;
import dev.taskmanager.core.memory.InMemoryUserStore;
import dev.taskmanager.mongo.wiring.StoreKind;
import dev.taskmanager.mongo.wiring.StoreOptions;
import dev.taskmanager.mongo.wiring.StoreSettings;
import java.time.Duration;

/**
 * THE place where the command line's store options become a store: every command reaches its store
 * through the Guice module chosen here, and nowhere else.
 *
 * <p>MongoDB by default: the server at {@code --mongo-uri}; without one, the embedded server of
 * the web app running on {@code --data-dir}, or, when nothing runs there, that directory opened by
 * the command itself. {@code --store memory} gives a fresh in-memory store that dies with the
 * command, for trying the tool out.
 */
public final class StoreModules {

  /** A command line waits a few seconds at most for an unreachable server. */
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

  private StoreModules() {}

  /** The module for these options, whose values picocli checked as it parsed them. */
  public static Module select(StoreOptions options) {
    switch (options.kind()) {
      case MEMORY:
        return new InMemoryStoreModule(new InMemoryTaskStore(), new InMemoryUserStore(), new InMemoryTokenStore());
      case MONGO:
      default:
        return new MongoStoreModule(options.settings().withTimeouts(CONNECT_TIMEOUT, StoreSettings.DEFAULT_SOCKET_TIMEOUT));
    }
  }

  /** One line for people: the store these options name, with any password in the URI hidden. */
  public static String describe(StoreOptions options) {
    return options.kind() == StoreKind.MEMORY ? InMemoryStoreModule.DESCRIPTION : options.describeMongo();
  }
}
