package dev.taskmanager.embeddedmongo.storage;

import java.util.function.Supplier;

/**
 * The {@code hint} of the command being handled on this thread, for the collection's planner: the
 * library's query path has no parameter for it. Set around the command, cleared after.
 */
final class QueryHints {

  private static final ThreadLocal<Object> CURRENT = new ThreadLocal<>();

  private QueryHints() {}

  /** The hint (an index name or key pattern), or {@code null}. */
  static Object current() {
    return CURRENT.get();
  }

  static <T> T during(Object hint, Supplier<T> command) {
    if (hint == null) {
      return command.get();
    }
    CURRENT.set(hint);
    try {
      return command.get();
    } finally {
      CURRENT.remove();
    }
  }
}
