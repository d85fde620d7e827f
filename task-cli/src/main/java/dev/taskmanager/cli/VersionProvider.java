package dev.taskmanager.cli;

import dev.taskmanager.cli.store.StoreModules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code task --version}: the project's version, filtered in at build time, and the store in use. */
final class VersionProvider implements IVersionProvider {

  @Spec
  CommandSpec spec;

  @Override
  public String[] getVersion() {
    TaskCli root = (TaskCli) spec.root().userObject();
    return new String[] {
        "task " + projectVersion(),
        "store: " + StoreModules.describe(root.storeOptions())
    };
  }

  static String projectVersion() {
    Properties properties = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version", "unknown");
  }
}
