package dev.taskmanager.mongo.adapter;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.taskmanager.core.contract.TaskStoreContract;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.port.TaskStore;
import java.util.List;
import java.util.stream.Collectors;
import org.bson.Document;

/**
 * The core's contract suite on {@link MongoTaskStore}, against whatever server a subclass provides.
 * Starting a server is slow, so subclasses start one per class and each test gets an emptied database.
 */
abstract class MongoStoreContract extends TaskStoreContract {

  static final String DATABASE = "TaskManagerContract";

  /** A client of the server under test, open for the whole class. */
  protected abstract MongoClient client();

  @Override
  protected TaskStore newStore() {
    return MongoTaskStore.open(emptyDatabase());
  }

  @Override
  protected TaskStore storeWrittenByAnotherProgram(List<Task> tasks, long nextId) {
    MongoDatabase database = emptyDatabase();
    if (!tasks.isEmpty()) {
      database.getCollection("tasks").insertMany(tasks.stream()
          .map(task -> new Document("id", task.id()).append("title", task.title())
              .append("shortdesc", task.shortdesc()).append("priority", task.priority()))
          .collect(Collectors.toList()));
    }
    database.getCollection("settings").insertOne(new Document("name", "task_id").append("value", nextId));
    return MongoTaskStore.open(database);
  }

  private MongoDatabase emptyDatabase() {
    MongoDatabase database = client().getDatabase(DATABASE);
    database.drop();
    return database;
  }
}
