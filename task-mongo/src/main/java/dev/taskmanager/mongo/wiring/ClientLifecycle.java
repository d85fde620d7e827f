package dev.taskmanager.mongo.wiring;

import com.mongodb.client.MongoClient;
import java.util.concurrent.atomic.AtomicBoolean;

/** Closes the driver's client, then whatever serves it (the embedded server), once. */
final class ClientLifecycle implements StoreLifecycle {

  private final String description;
  private final MongoClient client;
  private final Runnable afterClient;
  private final AtomicBoolean closed = new AtomicBoolean();

  ClientLifecycle(String description, MongoClient client, Runnable afterClient) {
    this.description = description;
    this.client = client;
    this.afterClient = afterClient;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        client.close();
      } finally {
        afterClient.run();
      }
    }
  }
}
