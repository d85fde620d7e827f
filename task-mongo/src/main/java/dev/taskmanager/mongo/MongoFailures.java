package dev.taskmanager.mongo;

import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import dev.taskmanager.core.model.TaskStoreException;
import java.util.function.Supplier;

/** The one place that turns the driver's exceptions into the core's {@link TaskStoreException}. */
final class MongoFailures {

  private MongoFailures() {}

  /** Runs a store operation, described as "while {@code doing}" if it fails. */
  static <T> T translate(String doing, Supplier<T> operation) {
    try {
      return operation.get();
    } catch (MongoTimeoutException unreachable) {
      throw new TaskStoreException("MongoDB cannot be reached while " + doing + ": " + unreachable.getMessage(), unreachable);
    } catch (MongoSocketException connection) {
      throw new TaskStoreException("the connection to MongoDB failed while " + doing + ": " + connection.getMessage(), connection);
    } catch (MongoException failure) {
      throw new TaskStoreException("MongoDB failed while " + doing + ": " + failure.getMessage(), failure);
    }
  }

  static void translate(String doing, Runnable operation) {
    translate(doing, () -> {
      operation.run();
      return null;
    });
  }
}
