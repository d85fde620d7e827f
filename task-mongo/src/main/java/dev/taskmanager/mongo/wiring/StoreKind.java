package dev.taskmanager.mongo.wiring;

import java.util.Locale;

/** The stores a program can run on ({@code TASK_STORE}). */
public enum StoreKind {
  /** MongoDB: the server at {@code TASK_MONGO_URI}, or else the embedded server in {@code TASK_DATA_DIR}. */
  MONGO,
  /** The core's in-memory store: empty at start, gone at exit; for trying a program out. */
  MEMORY;

  /** The name as it is set, {@code mongo} or {@code memory}. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
