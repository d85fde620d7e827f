package dev.taskmanager.mongo.adapter;

import static dev.taskmanager.core.contract.TestTimes.NOW;

import static dev.taskmanager.core.contract.TaskDraftBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import dev.taskmanager.mongo.testing.InMemoryMongoServer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Opening a store that is already prepared only reads: a command that only reads then works on a
 * full disk, and no start waits for a commit of nothing.
 */
class PreparedStoreOpeningTest {

  private static final Set<String> WRITES =
      Set.of("insert", "update", "delete", "findAndModify", "createIndexes", "drop", "dropIndexes");

  @RegisterExtension
  static final InMemoryMongoServer mongo = new InMemoryMongoServer();

  @Test
  void aPreparedStoreOpensWithoutWriting() {
    List<String> commands = new CopyOnWriteArrayList<>();
    try (MongoClient client = listenedClient(commands)) {
      MongoDatabase database = client.getDatabase("TaskManagerOpening");
      database.drop();
      MongoTaskStore.open(database).create(aTask().build(), NOW);
      commands.clear();

      MongoTaskStore.open(database);

      assertThat(commands).isNotEmpty().noneMatch(WRITES::contains);
    }
  }

  @Test
  void aTaskTheTutorialLeftWithoutPriorityIsStillGivenTheDefault() {
    List<String> commands = new CopyOnWriteArrayList<>();
    try (MongoClient client = listenedClient(commands)) {
      MongoDatabase database = client.getDatabase("TaskManagerOpeningTutorial");
      database.drop();
      MongoTaskStore.open(database);
      database.getCollection(MongoTaskStore.TASKS).insertOne(new Document("id", 5L).append("title", "old"));

      MongoTaskStore store = MongoTaskStore.open(database);

      assertThat(store.get(5)).hasValueSatisfying(task -> assertThat(task.priority()).isZero());
      assertThat(database.getCollection(MongoTaskStore.TASKS).find().first()).containsEntry("priority", 0);
    }
  }

  private static MongoClient listenedClient(List<String> commands) {
    CommandListener listener = new CommandListener() {
      @Override
      public void commandStarted(CommandStartedEvent event) {
        commands.add(event.getCommandName());
      }
    };
    return MongoClients.create(MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString(mongo.uri()))
        .addCommandListener(listener)
        .build());
  }
}
