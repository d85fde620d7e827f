package dev.taskmanager.mongo.adapter;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import dev.taskmanager.core.model.TaskStoreException;
import java.util.function.Supplier;

/**
 * The one place that turns the driver's exceptions into the core's {@link TaskStoreException}, with
 * a message for people: what failed and why in a few words. The driver's own text (cluster state,
 * exception class names, the server's full response) stays in the cause, for logs.
 */
public final class MongoFailures {

  /** MongoDB's code for a command the connection's user may not run, or any before authenticating. */
  private static final int UNAUTHORIZED = 13;
  private static final String CREDENTIALS_ACCEPTED = "accepted: a URI with a user and password the server takes"
      + " (an embedded store's, secret included, is in mongo.address in its data directory)";

  private MongoFailures() {}

  /** Runs a store operation, described as "while {@code doing}" if it fails. */
  public static <T> T translate(String doing, Supplier<T> operation) {
    try {
      return operation.get();
    } catch (MongoTimeoutException unreachable) {
      throw new TaskStoreException("MongoDB cannot be reached while " + doing
          + ": no server answered within the timeout; check that it is running and reachable", unreachable);
    } catch (MongoSocketException connection) {
      throw new TaskStoreException("the connection to MongoDB failed while " + doing + rootReason(connection), connection);
    } catch (MongoSecurityException notLetIn) {
      // The server's own words when it answered (not the driver's dump of its whole response).
      String reason = notLetIn.getCause() instanceof MongoCommandException answer
          ? ": " + answer.getErrorMessage() : rootReason(notLetIn);
      throw new TaskStoreException("MongoDB refused to let in the user of the URI while " + doing + reason + "; "
          + CREDENTIALS_ACCEPTED, notLetIn);
    } catch (MongoCommandException refused) {
      if (refused.getErrorCode() == UNAUTHORIZED) {
        throw new TaskStoreException("MongoDB refused access while " + doing + ": " + refused.getErrorMessage() + "; "
            + CREDENTIALS_ACCEPTED, refused);
      }
      throw new TaskStoreException("MongoDB failed while " + doing + ": " + refused.getErrorMessage(), refused);
    } catch (MongoWriteException refused) {
      throw new TaskStoreException("MongoDB failed while " + doing + ": " + refused.getError().getMessage(), refused);
    } catch (MongoException failure) {
      throw new TaskStoreException("MongoDB failed while " + doing + rootReason(failure), failure);
    }
  }

  public static void translate(String doing, Runnable operation) {
    translate(doing, () -> {
      operation.run();
      return null;
    });
  }

  /** The innermost cause's message (the system's words, such as "Connection refused"), or nothing. */
  private static String rootReason(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? "" : ": " + root.getMessage();
  }
}
