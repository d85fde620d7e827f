package dev.taskmanager.cli;

import com.google.inject.AbstractModule;
import dev.taskmanager.cli.store.StoreModuleSelector;
import dev.taskmanager.core.account.Passwords;
import dev.taskmanager.passwords.Argon2Passwords;
import java.time.Clock;

/**
 * What the commands are built with: the terminal, how to choose a store module, and the clock that
 * stamps tasks (its zone is the one {@code --timezone} names, applied by each command).
 */
public final class CliModule extends AbstractModule {

  private final Terminal terminal;
  private final StoreModuleSelector stores;
  private final Clock clock;

  public CliModule(Terminal terminal, StoreModuleSelector stores) {
    this(terminal, stores, Clock.systemUTC());
  }

  public CliModule(Terminal terminal, StoreModuleSelector stores, Clock clock) {
    this.terminal = terminal;
    this.stores = stores;
    this.clock = clock;
  }

  @Override
  protected void configure() {
    bind(Terminal.class).toInstance(terminal);
    bind(StoreModuleSelector.class).toInstance(stores);
    bind(Clock.class).toInstance(clock);
    bind(Passwords.class).to(Argon2Passwords.class);
  }
}
