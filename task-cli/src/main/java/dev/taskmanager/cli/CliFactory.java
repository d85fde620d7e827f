package dev.taskmanager.cli;

import com.google.inject.ConfigurationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Builds commands (and picocli's other helpers) with Guice, so a command's constructor receives what
 * it needs. Tests build one around a shared in-memory store.
 */
public final class CliFactory implements IFactory {

  private final Injector injector;

  public CliFactory(Module... modules) {
    // DEVELOPMENT stage: nothing is built before it is asked for, which keeps start-up short.
    this.injector = Guice.createInjector(Stage.DEVELOPMENT, modules);
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    try {
      return injector.getInstance(type);
    } catch (ConfigurationException notInjectable) {
      // picocli's own classes (help mixins, collections) have no Guice binding.
      return CommandLine.defaultFactory().create(type);
    }
  }
}
