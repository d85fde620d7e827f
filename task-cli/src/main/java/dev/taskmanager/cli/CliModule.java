package dev.taskmanager.cli;

import com.google.inject.AbstractModule;
import dev.taskmanager.cli.store.StoreModuleSelector;

/** What the commands are built with: the terminal and how to choose a store module. */
public final class CliModule extends AbstractModule {

  private final Terminal terminal;
  private final StoreModuleSelector stores;

  public CliModule(Terminal terminal, StoreModuleSelector stores) {
    this.terminal = terminal;
    this.stores = stores;
  }

  @Override
  protected void configure() {
    bind(Terminal.class).toInstance(terminal);
    bind(StoreModuleSelector.class).toInstance(stores);
  }
}
