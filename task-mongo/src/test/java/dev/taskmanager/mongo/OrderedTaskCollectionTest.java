package dev.taskmanager.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Sorts.descending;
import static com.mongodb.client.model.Sorts.orderBy;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server's ordered {@code tasks} collection answers every sorted query exactly as the
 * library's full sort does: the same random documents and changes go to both, and every query's
 * results are compared.
 */
class OrderedTaskCollectionTest {

  private static final long SEED = 20261125L;

  @TempDir
  Path dataDir;

  private EmbeddedMongo embedded;
  private MongoServer reference;
  private MongoClient orderedClient;
  private MongoClient referenceClient;
  private MongoCollection<Document> ordered;
  private MongoCollection<Document> expected;
  private final Random random = new Random(SEED);
  private int nextDocument;

  @BeforeEach
  void startBothServers() {
    embedded = EmbeddedMongo.start(dataDir, 0);
    reference = TestServers.startInMemory(0);
    orderedClient = TestServers.clientOf(embedded.uri());
    referenceClient = TestServers.clientOf(TestServers.uriOf(reference));
    ordered = orderedClient.getDatabase("tasks_test").getCollection(MongoTaskStore.TASKS);
    expected = referenceClient.getDatabase("tasks_test").getCollection(MongoTaskStore.TASKS);
  }

  @AfterEach
  void stopBothServers() {
    orderedClient.close();
    referenceClient.close();
    embedded.close();
    reference.shutdownNow();
  }

  @Test
  void sortedQueriesMatchTheFullSortWhileDocumentsChange() {
    insertRandomDocuments(300);
    int queries = 0;
    for (int round = 0; round < 40; round++) {
      for (int query = 0; query < 25; query++) {
        assertSameResults(randomFilter(), randomSort(), 1 + random.nextInt(60), random.nextInt(3) == 0 ? random.nextInt(20) : 0);
        queries++;
      }
      changeRandomly();
    }
    assertThat(queries).isEqualTo(1_000);
  }

  @Test
  void keysetPagesReadInTurnGiveEveryDocumentOnce() {
    // Numeric priorities only, as the store keeps them: no filter reaches past a null by comparison.
    insertRandomDocuments(500);
    both(collection -> collection.updateMany(eq("priority", null), Updates.set("priority", 3)));
    for (boolean descending : new boolean[] {false, true}) {
      List<Object> seen = new ArrayList<>();
      Document last = null;
      do {
        Bson filter = last == null ? new Document() : after(last, descending);
        List<Document> page = assertSameResults(filter, prioritySort(descending), 50, 0);
        page.forEach(document -> seen.add(document.get("_id")));
        last = page.size() < 50 ? null : page.get(page.size() - 1);
      } while (last != null);
      assertThat(seen).hasSize(500).doesNotHaveDuplicates();
    }
  }

  @Test
  void aDocumentWithAnArrayKeyIsSortedByTheLibrary() {
    insertRandomDocuments(100);
    both(collection -> collection.insertOne(new Document("_id", "array").append("id", 10_000).append("priority", List.of(9, 1))));
    assertSameResults(new Document(), prioritySort(false), 20, 0);
    assertSameResults(new Document(), prioritySort(true), 20, 0);
    both(collection -> collection.deleteOne(eq("_id", "array")));
    assertSameResults(new Document(), prioritySort(true), 20, 0);
  }

  @Test
  void theOrderIsBuiltFromDocumentsStoredBeforeTheServerStarted() {
    insertRandomDocuments(200);
    orderedClient.close();
    embedded.close();
    embedded = EmbeddedMongo.start(dataDir, 0);
    orderedClient = TestServers.clientOf(embedded.uri());
    ordered = orderedClient.getDatabase("tasks_test").getCollection(MongoTaskStore.TASKS);

    assertSameResults(gt("id", 100), ascending("id"), 30, 0);
    assertSameResults(new Document(), prioritySort(true), 30, 0);
  }

  private List<Document> assertSameResults(Bson filter, Bson sort, int limit, int skip) {
    Function<MongoCollection<Document>, List<Document>> query =
        collection -> collection.find(filter).sort(sort).skip(skip).limit(limit).into(new ArrayList<>());
    List<Document> results = query.apply(ordered);
    assertThat(results)
        .as("find(%s).sort(%s).skip(%d).limit(%d)", filter, sort, skip, limit)
        .containsExactlyElementsOf(query.apply(expected));
    return results;
  }

  private void insertRandomDocuments(int count) {
    List<Document> documents = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      documents.add(randomDocument());
    }
    both(collection -> collection.insertMany(documents.stream().map(Document::new).toList()));
  }

  private Document randomDocument() {
    int number = nextDocument++;
    // Unique id values in the types the tutorial app and this app write.
    Object id = switch (number % 3) {
      case 0 -> number * 7;
      case 1 -> (long) number * 7;
      default -> (double) number * 7;
    };
    Document document = new Document("_id", "doc-" + number).append("id", id)
        .append("title", "task " + (char) ('a' + random.nextInt(5)));
    switch (random.nextInt(6)) {
      case 0 -> { } // no priority at all, as the tutorial app may leave it
      case 1 -> document.append("priority", null);
      case 2 -> document.append("priority", 2.5);
      case 3 -> document.append("priority", (long) random.nextInt(5));
      default -> document.append("priority", random.nextInt(5));
    }
    return document;
  }

  private void changeRandomly() {
    switch (random.nextInt(3)) {
      case 0 -> {
        Document fresh = randomDocument();
        both(collection -> collection.insertOne(new Document(fresh)));
      }
      case 1 -> {
        // By _id: "the first match" of another filter is in each backend's own natural order.
        Bson one = eq("_id", "doc-" + random.nextInt(nextDocument));
        both(collection -> collection.deleteOne(one));
      }
      default -> {
        Bson some = and(gte("id", random.nextInt(nextDocument * 7)), lt("id", random.nextInt(nextDocument * 7)));
        Bson change = Updates.set("priority", random.nextInt(5));
        both(collection -> collection.updateMany(some, change));
      }
    }
  }

  private Bson randomFilter() {
    // Half the bounds are stored ids, where an inclusive or exclusive bound makes a difference.
    int id = random.nextBoolean() ? 7 * random.nextInt(nextDocument) : random.nextInt(nextDocument * 7 + 10);
    int priority = random.nextInt(6) - 1;
    return switch (random.nextInt(9)) {
      case 0 -> new Document();
      case 1 -> gt("id", id);
      case 2 -> lt("id", id);
      case 3 -> and(gte("id", id), lte("id", id + 200));
      case 4 -> or(gt("priority", priority), and(eq("priority", priority), gt("id", id)));
      case 5 -> or(lt("priority", priority), and(eq("priority", priority), lt("id", id)));
      case 6 -> eq("priority", priority);
      case 7 -> and(regex("title", "b|c"), gt("id", id));
      default -> or(eq("priority", null), gt("id", (double) id + 0.5));
    };
  }

  private Bson randomSort() {
    boolean descending = random.nextBoolean();
    return random.nextBoolean() ? (descending ? descending("id") : ascending("id")) : prioritySort(descending);
  }

  private static Bson prioritySort(boolean descending) {
    return descending ? orderBy(descending("priority"), descending("id")) : orderBy(ascending("priority"), ascending("id"));
  }

  private static Bson after(Document last, boolean descending) {
    Object priority = last.get("priority");
    Object id = last.get("id");
    return descending
        ? or(lt("priority", priority), and(eq("priority", priority), lt("id", id)))
        : or(gt("priority", priority), and(eq("priority", priority), gt("id", id)));
  }

  private void both(Consumer<MongoCollection<Document>> change) {
    change.accept(ordered);
    change.accept(expected);
  }
}
