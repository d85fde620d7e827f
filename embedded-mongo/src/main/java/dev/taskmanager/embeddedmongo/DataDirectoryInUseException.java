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
        + runningAt.map(uri -> ", which serves it at " + uri).orElse(""));
    this.processId = processId;
    this.runningAt = runningAt.orElse(null);
  }

  /** The holder's process id, or {@code unknown}. */
  public String processId() {
    return processId;
  }

  /** Where the holder's server listens, when it wrote that down. */
  public Optional<String> runningAt() {
    return Optional.ofNullable(runningAt);
  }
}
