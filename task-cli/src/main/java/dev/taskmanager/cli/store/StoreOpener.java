package dev.taskmanager.cli.store;

import com.google.inject.Guice;
import com.google.inject.Inject;
import com.google.inject.Stage;
import dev.taskmanager.mongo.wiring.StoreOptions;

/** Opens the store the options name, through the selected module. */
public final class StoreOpener {

  private final StoreModuleSelector selector;

  @Inject
  public StoreOpener(StoreModuleSelector selector) {
    this.selector = selector;
  }

  /**
   * Opens the store lazily: the module's bindings are built when first used.
   *
   * @throws dev.taskmanager.core.model.TaskStoreException when no store can be opened
   */
  public OpenedStore open(StoreOptions options) {
    // DEVELOPMENT: singletons are built on first use, so a command pays only for what it touches.
    return new OpenedStore(Guice.createInjector(Stage.DEVELOPMENT, selector.select(options)));
  }
}
