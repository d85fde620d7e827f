package dev.taskmanager.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Builds the commands and gives them, through Guice, what they need. Tests build one around a
 * shared in-memory store.
 *
 * <p>Lazy on purpose: picocli builds every subcommand at start-up, but only one runs, and
 * {@code --help} or {@code --version} run none. So commands are built plainly, and Guice (whose own
 * start-up costs more than the rest of a short command) is started only when a command is about to
 * run, to inject its {@code @Inject} fields.
 */
public final class CliFactory implements IFactory {

  private final Module[] modules;
  private Injector injector;

  public CliFactory(Module... modules) {
    this.modules = modules.clone();
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    return CommandLine.defaultFactory().create(type);
  }

  /** Injects the command that is about to run; the injector is made on the first call. */
  void injectMembers(Object command) {
    if (injector == null) {
      // DEVELOPMENT stage: singletons too are built only when first asked for.
      injector = Guice.createInjector(Stage.DEVELOPMENT, modules);
    }
    injector.injectMembers(command);
  }
}
