package dev.taskmanager.e2e;

import java.nio.file.Path;
import java.util.Map;

/** Contention on the web app's embedded store; {@code bin/task} reaches it through the data directory. */
class IdsUnderContentionOnEmbeddedStoreIT extends IdsUnderContention {

  @Override
  Map<String, String> appStore(Path dir, String database) {
    return Map.of("TASK_DATA_DIR", dir.resolve("data").toString(), "TASK_DB", database);
  }

  @Override
  Map<String, String> cliStore(Path dir, String database) {
    return appStore(dir, database);
  }
}
