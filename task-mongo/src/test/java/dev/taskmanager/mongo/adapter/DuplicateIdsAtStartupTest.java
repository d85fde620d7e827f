package dev.taskmanager.mongo.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mongodb.client.MongoDatabase;
import dev.taskmanager.mongo.testing.InMemoryMongoServer;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The tutorial's racy sequence leaves tasks that share ids: the store refuses them, untouched. */
class DuplicateIdsAtStartupTest {

  @RegisterExtension
  static final InMemoryMongoServer mongo = new InMemoryMongoServer();

  @Test
  void refusesToStartNamingTheSharedIdsAndHowToRepairThem() {
    MongoDatabase database = mongo.client().getDatabase("TaskManagerDuplicates");
    database.drop();
    database.getCollection("tasks").insertMany(List.of(
        new Document("id", 7).append("title", "a").append("shortdesc", "").append("priority", 1),
        new Document("id", 3).append("title", "b").append("shortdesc", ""),
        new Document("id", 3L).append("title", "c").append("shortdesc", "").append("priority", 1),
        new Document("id", 7).append("title", "d").append("shortdesc", "").append("priority", 1),
        new Document("id", 4).append("title", "e").append("shortdesc", "").append("priority", 1)));
    List<Document> before = everything(database);

    DuplicateTaskIdsException refused =
        catchThrowableOfType(DuplicateTaskIdsException.class, () -> MongoTaskStore.open(database));

    assertThat(refused.duplicateIds()).containsExactly(3L, 7L);
    assertThat(refused).hasMessageContaining("share the ids 3, 7")
        .hasMessageContaining("nothing was changed")
        .hasMessageContaining("task doctor --repair")
        .hasMessageNotContaining("\n");
    assertThat(everything(database)).describedAs("no document touched, none added").isEqualTo(before);
  }

  private static List<Document> everything(MongoDatabase database) {
    List<Document> all = new ArrayList<>();
    database.getCollection("tasks").find().into(all);
    database.getCollection("settings").find().into(all);
    return all;
  }
}
