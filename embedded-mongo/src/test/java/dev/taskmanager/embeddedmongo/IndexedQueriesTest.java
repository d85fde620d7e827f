package dev.taskmanager.embeddedmongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries are answered from the indexes clients create, as explain shows: which index, which
 * direction, and how many keys and documents the answer read.
 */
class IndexedQueriesTest {

  @TempDir
  Path dataDir;

  private EmbeddedMongoServer server;
  private MongoClient client;
  private MongoCollection<Document> items;

  @BeforeEach
  void start() {
    server = EmbeddedMongoServer.start(dataDir, "test.mv.db", 0);
    client = MongoClients.create(server.uri());
    items = client.getDatabase("db").getCollection("items");
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void distinctThroughAnArraySkipsTheElementsWithoutTheFieldAndKeepsTheConnection() {
    items.insertMany(List.of(
        new Document("embedded", List.of(new Document("x", 1), new Document("y", 2))),
        new Document("embedded", List.of(new Document("y", 3), new Document("x", null))),
        new Document("embedded", new Document("x", "A"))));

    List<org.bson.BsonValue> values = items.distinct("embedded.x", org.bson.BsonValue.class).into(new ArrayList<>());

    // As MongoDB answers; the library's reply held a marker with no BSON form, and closed the connection.
    assertThat(values).containsExactly(null, new org.bson.BsonInt32(1), new org.bson.BsonString("A"));
    assertThat(items.countDocuments()).isEqualTo(3);
  }

  @Test
  void readsOnlyThePageOfASortedQueryInEitherDirection() {
    insertNumbered(2_000);
    items.createIndex(new Document("group", 1).append("n", 1));

    Document forward = items.find().sort(Sorts.ascending("group", "n")).limit(50).explain();
    Document backward = items.find().sort(Sorts.descending("group", "n")).limit(50).explain();

    assertThat(indexScan(forward)).containsEntry("indexName", "group_1_n_1").containsEntry("direction", "forward");
    assertThat(indexScan(backward)).containsEntry("direction", "backward");
    assertThat(examined(forward)).containsExactly(50L, 50L);
    assertThat(examined(backward)).containsExactly(50L, 50L);
    assertThat(items.find().sort(Sorts.descending("group", "n")).limit(3).map(doc -> doc.getInteger("n")).into(new ArrayList<>()))
        .containsExactly(1994, 1987, 1980);
  }

  @Test
  void startsAKeysetPageAtItsCursor() {
    insertNumbered(2_000);
    items.createIndex(new Document("group", 1).append("n", 1));
    Bson after = or(gt("group", 3), and(eq("group", 3), gt("n", 1_500)));

    Document explained = items.find(after).sort(Sorts.ascending("group", "n")).limit(20).explain();

    assertThat(indexScan(explained)).containsEntry("indexName", "group_1_n_1");
    assertThat(examined(explained)).containsExactly(20L, 20L);
    assertThat(items.find(after).sort(Sorts.ascending("group", "n")).first().getInteger("n")).isEqualTo(1501);
  }

  @Test
  void boundsAnEqualityPrefixThenARangeOnTheNextField() {
    insertNumbered(2_000);
    items.createIndex(new Document("group", 1).append("n", -1));
    Bson filter = and(eq("group", 5), gte("n", 100), lt("n", 300));

    Document explained = items.find(filter).explain();

    long matching = items.countDocuments(filter);
    assertThat(matching).isEqualTo(29);
    assertThat(examined(explained)).containsExactly(matching, matching);
    assertThat(examined(items.find(and(in("group", 1, 2), lt("n", 30))).explain()).get(0)).isEqualTo(9L);
  }

  @Test
  void indexesEachElementOfAnArrayAndSortsByTheSmallest() {
    items.insertMany(List.of(
        new Document("_id", 1).append("tags", List.of("work", "home")),
        new Document("_id", 2).append("tags", List.of("garden")),
        new Document("_id", 3).append("tags", List.of()),
        new Document("_id", 4)));
    items.createIndex(new Document("tags", 1));

    assertThat(indexScan(items.find(eq("tags", "home")).explain())).containsEntry("isMultiKey", true);
    assertThat(ids(items.find(eq("tags", "home")))).containsExactly(1);
    assertThat(ids(items.find().sort(Sorts.ascending("tags")).limit(4))).containsExactly(3, 4, 2, 1);
    assertThat(ids(items.find().sort(Sorts.descending("tags")).limit(4))).containsExactly(1, 2, 4, 3);
    assertThat(winningStage(items.find(gt("tags", "a")).sort(Sorts.ascending("tags")).explain()))
        .describedAs("a bounded multikey field cannot give the sort: an array sorts by its smallest element")
        .isEqualTo("SORT");
  }

  @Test
  void anEqualityOnAnArrayFieldServesTheSortOnTheFieldsAfterIt() {
    items.insertMany(List.of(
        new Document("_id", 1).append("tags", List.of("home", "work")).append("n", 5),
        new Document("_id", 2).append("tags", List.of("home")).append("n", 3),
        new Document("_id", 3).append("tags", List.of("work")).append("n", 1),
        new Document("_id", 4).append("tags", List.of("home", "home", "garden")).append("n", 4)));
    items.createIndex(new Document("tags", 1).append("n", -1));

    Document explained = items.find(eq("tags", "home")).sort(Sorts.descending("n")).limit(2).explain();

    assertThat(winningStage(explained)).isEqualTo("FETCH");
    assertThat(examined(explained)).containsExactly(2L, 2L);
    assertThat(ids(items.find(eq("tags", "home")).sort(Sorts.descending("n")))).containsExactly(1, 4, 2);
    assertThat(ids(items.find(eq("tags", "home")).sort(Sorts.ascending("n")))).containsExactly(2, 4, 1);
    assertThat(winningStage(items.find(eq("tags", "home")).sort(Sorts.ascending("tags")).explain()))
        .describedAs("each document still sorts by its smallest element")
        .isEqualTo("SORT");
  }

  @Test
  void fallsBackToTheLibrarysScanWhenNoIndexHelps() {
    insertNumbered(100);
    items.createIndex(new Document("group", 1));

    Document explained = items.find(regex("name", "item 4.*")).sort(Sorts.ascending("n")).explain();

    assertThat(winningStage(explained)).isEqualTo("SORT");
    assertThat(((Document) ((Document) explained.get("queryPlanner")).get("winningPlan")).get("inputStage", Document.class)
        .getString("stage")).isEqualTo("COLLSCAN");
    assertThat(items.find(regex("name", "item 4.*")).sort(Sorts.ascending("n")).into(new ArrayList<>())).hasSize(11);
  }

  @Test
  void refusesASecondDocumentUnderAUniqueKeyButNotAnArrayRepeatingItsOwnValue() {
    items.createIndex(new Document("code", 1), new IndexOptions().unique(true));
    items.insertOne(new Document("code", List.of(1, 1, 2)));

    assertThatThrownBy(() -> items.insertOne(new Document("code", 2L)))
        .isInstanceOf(MongoException.class).hasMessageContaining("E11000 duplicate key error")
        .hasMessageContaining("index: code_1");
    assertThatCode(() -> items.updateOne(eq("code", 1), Updates.set("code", List.of(2, 3))))
        .describedAs("an update that keeps the document's own key").doesNotThrowAnyException();
  }

  @Test
  void refusesASecondDocumentWithTheIdOfAnotherAndKeepsTheFirstAsItWas() {
    items.createIndex(new Document("n", 1));
    items.insertOne(new Document("_id", 1).append("n", 1));

    assertThatThrownBy(() -> items.insertOne(new Document("_id", 1).append("n", 2)))
        .isInstanceOf(MongoException.class).extracting(error -> ((MongoException) error).getCode()).isEqualTo(11000);
    assertThatThrownBy(() -> items.updateOne(and(eq("_id", 1), eq("n", 5)), Updates.set("n", 3),
        new UpdateOptions().upsert(true)))
        .describedAs("an upsert whose filter names a taken _id but matches nothing")
        .isInstanceOf(MongoException.class).extracting(error -> ((MongoException) error).getCode()).isEqualTo(11000);
    assertThat(items.find().into(new ArrayList<>())).containsExactly(new Document("_id", 1).append("n", 1));
    assertThat(ids(items.find(eq("n", 1)))).containsExactly(1);
  }

  @Test
  void refusesToBuildAUniqueIndexOverDuplicatesAndLeavesNoTraceOfIt() {
    items.insertMany(List.of(new Document("code", 1), new Document("code", 1.0)));

    assertThatThrownBy(() -> items.createIndex(new Document("code", 1), new IndexOptions().unique(true)))
        .isInstanceOf(MongoException.class).hasMessageContaining("duplicate key");
    assertThat(indexNames()).containsExactly("_id_");
    items.createIndex(new Document("code", 1));
    assertThat(indexScan(items.find(eq("code", 1)).explain())).containsEntry("indexName", "code_1");
  }

  @Test
  void listsCreatesAndDropsIndexesAsMongoDbDoes() {
    items.insertOne(new Document("a", 1).append("b", 2));
    items.createIndex(new Document("a", 1));
    items.createIndex(new Document("a", 1).append("b", -1), new IndexOptions().name("ab"));
    items.createIndex(new Document("b", 1));

    assertThat(indexNames()).containsExactly("_id_", "a_1", "ab", "b_1");
    assertThatThrownBy(() -> items.createIndex(new Document("b", -1), new IndexOptions().name("ab")))
        .isInstanceOf(MongoCommandException.class).extracting(error -> ((MongoCommandException) error).getErrorCode())
        .isEqualTo(86);
    assertThatThrownBy(() -> items.createIndex(new Document("a", 1), new IndexOptions().name("another")))
        .isInstanceOf(MongoCommandException.class).extracting(error -> ((MongoCommandException) error).getErrorCode())
        .isEqualTo(85);
    items.createIndex(new Document("a", 1));

    items.dropIndex(new Document("a", 1).append("b", -1));
    assertThat(indexNames()).containsExactly("_id_", "a_1", "b_1");
    assertThatThrownBy(() -> items.dropIndex("_id_")).isInstanceOf(MongoCommandException.class)
        .hasMessageContaining("cannot drop _id index");
    assertThatThrownBy(() -> items.dropIndex("nope")).isInstanceOf(MongoCommandException.class)
        .extracting(error -> ((MongoCommandException) error).getErrorCode()).isEqualTo(27);
    client.getDatabase("db").getCollection("other").createIndex(new Document("a", 1));
    items.dropIndexes();
    assertThat(indexNames()).containsExactly("_id_");
    assertThat(client.getDatabase("db").getCollection("other").listIndexes().map(index -> index.getString("name"))
        .into(new ArrayList<>())).describedAs("another collection's indexes stay").containsExactly("_id_", "a_1");
  }

  @Test
  void refusesAHintThatNamesNoIndexEvenForAnUpsertIntoACollectionNotThereYet() {
    UpdateOptions upsertByCode = new UpdateOptions().upsert(true).hint(new Document("code", 1));

    assertThatThrownBy(() -> items.updateOne(eq("code", 7), Updates.setOnInsert("x", 1), upsertByCode))
        .isInstanceOf(MongoException.class).extracting(error -> ((MongoException) error).getCode()).isEqualTo(2);
    items.createIndex(new Document("code", 1), new IndexOptions().unique(true));
    assertThat(items.updateOne(eq("code", 7), Updates.setOnInsert("x", 1), upsertByCode).getUpsertedId()).isNotNull();
    assertThat(items.updateOne(eq("code", 7), Updates.setOnInsert("x", 1), upsertByCode).getMatchedCount()).isEqualTo(1);
    items.drop();
    assertThatThrownBy(() -> items.updateOne(eq("code", 8), Updates.setOnInsert("x", 1), upsertByCode))
        .describedAs("a dropped collection took its indexes along").isInstanceOf(MongoException.class);
  }

  @Test
  void emptiesACollectionAndItsIndexesAtOnceAndKeepsServingQueries() {
    insertNumbered(500);
    items.createIndex(new Document("n", 1), new IndexOptions().unique(true));

    assertThat(items.deleteMany(new Document()).getDeletedCount()).isEqualTo(500);
    assertThat(items.countDocuments()).isZero();
    items.insertOne(new Document("n", 3));
    assertThat(examined(items.find(eq("n", 3)).explain())).containsExactly(1L, 1L);
    assertThatThrownBy(() -> items.insertOne(new Document("n", 3))).isInstanceOf(MongoException.class);
    assertThat(items.deleteMany(lt("n", 10)).getDeletedCount()).isEqualTo(1);
  }

  @Test
  void keepsIndexesAndWhatTheyLearntAcrossARestart() {
    insertNumbered(300);
    items.createIndex(new Document("group", 1).append("n", 1));
    items.insertOne(new Document("group", List.of(1, 2)).append("n", 1_000));
    stop();
    start();

    Document explained = items.find(eq("group", 2)).sort(Sorts.ascending("n")).explain();
    assertThat(indexScan(explained)).containsEntry("indexName", "group_1_n_1").containsEntry("isMultiKey", true);
    assertThat(items.countDocuments(eq("group", 2))).isEqualTo(44);
  }

  @Test
  void keepsAnIndexWithItsCollectionWhenTheCollectionIsRenamed() {
    insertNumbered(100);
    items.createIndex(new Document("n", 1));
    items.renameCollection(new com.mongodb.MongoNamespace("db", "renamed"));
    stop();
    start();

    MongoCollection<Document> renamed = client.getDatabase("db").getCollection("renamed");
    assertThat(indexScan(renamed.find(eq("n", 7)).explain())).containsEntry("indexName", "n_1");
    assertThat(renamed.find(eq("n", 7)).first()).isNotNull();
  }

  private void insertNumbered(int count) {
    List<Document> documents = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      documents.add(new Document("n", n).append("group", n % 7).append("name", "item " + n));
    }
    items.insertMany(documents);
  }

  private List<String> indexNames() {
    return items.listIndexes().map(index -> index.getString("name")).into(new ArrayList<>());
  }

  private static List<Integer> ids(com.mongodb.client.FindIterable<Document> found) {
    return found.map(document -> document.getInteger("_id")).into(new ArrayList<>());
  }

  static Document indexScan(Document explained) {
    Document stage = ((Document) explained.get("queryPlanner")).get("winningPlan", Document.class);
    while (stage != null && !"IXSCAN".equals(stage.getString("stage"))) {
      stage = stage.get("inputStage", Document.class);
    }
    return stage == null ? new Document() : stage;
  }

  static String winningStage(Document explained) {
    return ((Document) explained.get("queryPlanner")).get("winningPlan", Document.class).getString("stage");
  }

  /** Keys and documents the query read. */
  static List<Long> examined(Document explained) {
    Document stats = explained.get("executionStats", Document.class);
    return List.of(((Number) stats.get("totalKeysExamined")).longValue(), ((Number) stats.get("totalDocsExamined")).longValue());
  }
}
