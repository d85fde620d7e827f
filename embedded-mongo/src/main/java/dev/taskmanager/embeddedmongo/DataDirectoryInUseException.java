package dev.taskmanager.embeddedmongo;

import java.nio.file.Path;
import java.util.Optional;

/** Another process (or this one) runs a server on the data directory already. */
public final class DataDirectoryInUseException extends EmbeddedMongoException {

  private static final long serialVersionUID = 1L;

  private final String processId;
  private final String runningAt;

  DataDirectoryInUseException(Path dataDir, String processId, Optional<String> runningAt) {
    super("data directory " + dataDir + " is in use by process " + processId
        + runningAt.map(address -> ", which serves it at " + address).orElse(""));
    this.processId = processId;
    this.runningAt = runningAt.orElse(null);
  }

  /** The holder's process id, or {@code unknown}. */
  public String processId() {
    return processId;
  }

  /**
   * Where the holder's server listens, {@code mongodb://127.0.0.1:<port>}, when this process may read
   * where it wrote that down; without the secret a client needs (that stays in {@code mongo.address}).
   */
  public Optional<String> runningAt() {
    return Optional.ofNullable(runningAt);
  }
}
