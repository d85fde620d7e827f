package dev.taskmanager.mongo.adapter;

import static dev.taskmanager.core.contract.TestTimes.NOW;

import static dev.taskmanager.core.contract.TaskDraftBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.taskmanager.core.account.TokenStore;
import dev.taskmanager.core.account.UserStore;
import dev.taskmanager.core.contract.TaskStoreContract;
import dev.taskmanager.core.contract.TokenStoreContract;
import dev.taskmanager.core.contract.UserStoreContract;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.port.TaskStore;
import dev.taskmanager.mongo.backup.MongoBackupsContract;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

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

  /** As the tutorial app's reset: {@code db.tasks.drop()} and {@code db.settings.drop()}. */
  @Override
  protected void anotherProgramResets() {
    MongoDatabase database = client().getDatabase(DATABASE);
    database.getCollection("tasks").drop();
    database.getCollection("settings").drop();
  }

  @Override
  protected void anotherProgramDropsTheTasks() {
    client().getDatabase(DATABASE).getCollection("tasks").drop();
  }

  @Override
  protected boolean anotherProgramWrites(Task task) {
    try {
      client().getDatabase(DATABASE).getCollection("tasks").insertOne(new Document("id", task.id())
          .append("title", task.title()).append("shortdesc", task.shortdesc()).append("priority", task.priority()));
      return true;
    } catch (MongoWriteException refused) {
      if (refused.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw refused;
      }
      return false;
    }
  }

  /**
   * As an insert's, so that new documents go to the end of the collection and of its _id index: the
   * embedded server gives a document an upsert inserts a random one, which scattered creates over
   * the whole file.
   */
  @Test
  void createdTasksGetTimeOrderedObjectIds() {
    TaskStore store = newStore();
    for (int i = 0; i < 20; i++) {
      store.create(aTask().build(), NOW);
    }

    List<Object> ids = new ArrayList<>();
    for (Document task : client().getDatabase(DATABASE).getCollection("tasks").find().sort(new Document("id", 1))) {
      ids.add(task.get("_id"));
    }
    assertThat(ids).hasSize(20).allSatisfy(id -> assertThat(id).isInstanceOf(ObjectId.class));
    assertThat(ids.stream().map(ObjectId.class::cast).collect(Collectors.toList())).isSorted();
  }

  /** The users' contract on the same server, in the same database. */
  @Nested
  class Users extends UserStoreContract {

    @Override
    protected UserStore newUserStore() {
      return MongoUserStore.open(emptyDatabase());
    }

    @Test
    void namesAreUniqueByAnIndexSoThatTwoProcessesCannotAddTheSameName() {
      List<Document> indexes = client().getDatabase(DATABASE).getCollection(MongoUserStore.COLLECTION)
          .listIndexes().into(new ArrayList<>());
      assertThat(indexes).anySatisfy(index -> {
        assertThat(index.get("key", Document.class)).isEqualTo(new Document("name", 1));
        assertThat(index.getBoolean("unique")).isTrue();
      });
    }
  }

  /** Backups and restores on the same server, each test in a database of its own. */
  @Nested
  class Backups extends MongoBackupsContract {

    @Override
    protected MongoClient client() {
      return MongoStoreContract.this.client();
    }
  }

  /** The tokens' contract on the same server, in the same database. */
  @Nested
  class Tokens extends TokenStoreContract {

    @Override
    protected TokenStore newTokenStore() {
      return MongoTokenStore.open(emptyDatabase());
    }
  }

  private MongoDatabase emptyDatabase() {
    MongoDatabase database = client().getDatabase(DATABASE);
    database.drop();
    return database;
  }
}
