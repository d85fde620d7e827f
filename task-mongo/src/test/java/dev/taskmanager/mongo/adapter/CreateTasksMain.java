package dev.taskmanager.mongo.adapter;

import static dev.taskmanager.core.contract.TestTimes.NOW;

import static dev.taskmanager.core.contract.TaskDraftBuilder.aTask;

import com.mongodb.client.MongoClient;
import dev.taskmanager.core.port.TaskStore;
import dev.taskmanager.mongo.testing.TestServers;

/**
 * A child process for tests: creates tasks through a server given by URI and prints each id once
 * its create was acknowledged. Arguments: uri, database, count (0 or less: until killed).
 */
public final class CreateTasksMain {

  private CreateTasksMain() {}

  public static void main(String[] args) {
    int count = Integer.parseInt(args[2]);
    try (MongoClient client = TestServers.clientOf(args[0])) {
      TaskStore store = MongoTaskStore.open(client.getDatabase(args[1]));
      createAndReport(store, count);
    }
  }

  static void createAndReport(TaskStore store, int count) {
    String title = "from process " + ProcessHandle.current().pid();
    for (int i = 0; count <= 0 || i < count; i++) {
      System.out.println(store.create(aTask().titled(title).build(), NOW).id());
      System.out.flush();
    }
  }
}
