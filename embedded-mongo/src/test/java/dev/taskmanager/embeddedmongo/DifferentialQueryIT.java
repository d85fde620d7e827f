package dev.taskmanager.embeddedmongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.FindOneAndDeleteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.DocumentComparator;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.bson.BsonRegularExpression;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine answers random queries as the library's memory backend does. The memory backend keeps
 * no secondary index and answers every query by matching and sorting all documents: the reference.
 * Both get the same indexes, documents and writes, and every random query must get the same answer
 * from both, within what MongoDB leaves unspecified: the order of documents that tie on the sort,
 * and which matches a limit keeps when there is no sort. Explain tells how many the engine answered
 * from an index, lest the test pass by never using one.
 *
 * <p>Runs in rounds. One thread writes to both stores, the same writes in the same order, while
 * another queries the engine alone and checks what holds whatever the writes do (no failure, no
 * document twice); then, the writer paused, reader threads compare the stores' answers. Part way
 * an index is created over the documents there are, every document is deleted at once, an index is
 * dropped and the engine is restarted on its file.
 *
 * <p>The writes depend on the seed alone, so a round's data, and a failing query with it, come back
 * with the seed: {@code -Ddifferential.seed=N}. {@code -Ddifferential.rounds=N} runs more or fewer
 * rounds, and {@code -Ddifferential.seconds=N} bounds the time (no round starts after it).
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class DifferentialQueryIT {

  private static final long SEED = Long.getLong("differential.seed", 20261203L);
  private static final int ROUNDS = Integer.getInteger("differential.rounds", 30);
  /** No round starts after this long, however many were asked: the test stays bounded on a busy machine. */
  private static final Duration BUDGET = Duration.ofSeconds(Long.getLong("differential.seconds", 70));
  private static final int INITIAL_DOCUMENTS = 1_200;
  private static final int WRITES_PER_ROUND = 40;
  private static final int READERS = 2;
  private static final int QUERIES_PER_READER = 30;
  /** Early, so that a run the time cuts short on a busy machine has them too, and the rounds after them. */
  private static final int LATE_INDEX_ROUND = 2;
  private static final int EMPTYING_ROUND = 4;
  private static final int DROPPING_ROUND = 6;
  private static final int RESTART_ROUND = 8;

  private static final String CODE = "code";
  private static final String NUM = "num";
  private static final String GROUP = "group";
  private static final String TEXT = "text";
  private static final String TAGS = "tags";
  private static final String WHEN = "when";
  private static final String FLAG = "flag";
  private static final String RARE = "rare";
  private static final String EMBEDDED = "embedded";
  private static final String EMBEDDED_X = "embedded.x";
  private static final String EMBEDDED_Y = "embedded.y";
  /** A document, rarely a scalar, never an array: an index on a path that is not multikey. */
  private static final String PROFILE = "profile";
  private static final String PROFILE_RANK = "profile.rank";
  private static final String MIXED = "mixed";
  private static final String LOOSE = "loose";
  private static final String COUNTER = "counter";
  private static final String ABSENT = "absent";

  /** Dropped part way: queries must stop using it. */
  private static final IndexSpec DROPPED_INDEX = new IndexSpec(new Document(GROUP, 1).append(TEXT, -1), false, false);
  /**
   * Single and compound, ascending and descending, unique, sparse and multikey ({@code tags}, and
   * {@code embedded.x} through an array of documents); never two fields that hold arrays in one.
   */
  private static final List<IndexSpec> INDEXES = List.of(
      new IndexSpec(new Document(CODE, 1), true, false),
      new IndexSpec(new Document(NUM, 1), false, false),
      new IndexSpec(new Document(GROUP, 1).append(NUM, -1), false, false),
      new IndexSpec(new Document(TEXT, 1), false, false),
      DROPPED_INDEX,
      new IndexSpec(new Document(TAGS, 1), false, false),
      new IndexSpec(new Document(GROUP, -1).append(TAGS, 1), false, false),
      new IndexSpec(new Document(WHEN, -1), false, false),
      new IndexSpec(new Document(WHEN, 1).append("_id", 1), false, false),
      new IndexSpec(new Document(FLAG, 1).append(WHEN, 1), false, false),
      new IndexSpec(new Document(RARE, 1), false, true),
      new IndexSpec(new Document(EMBEDDED_X, 1), false, false),
      new IndexSpec(new Document(PROFILE_RANK, -1).append(GROUP, 1), false, false),
      new IndexSpec(new Document(MIXED, 1), false, false),
      new IndexSpec(new Document(COUNTER, -1), false, false));
  /** Created part way, over documents already written. */
  private static final IndexSpec LATE_INDEX = new IndexSpec(new Document(LOOSE, 1).append(NUM, -1), false, false);

  private static final Document BY_ID = new Document("_id", 1);
  private static final JsonWriterSettings SHELL = JsonWriterSettings.builder().outputMode(JsonMode.SHELL).build();

  @TempDir
  Path dataDir;

  private EmbeddedMongoServer engineServer;
  private MongoServer referenceServer;
  private MongoClient engineClient;
  private MongoClient referenceClient;
  private MongoCollection<Document> engine;
  private MongoCollection<Document> reference;
  private ExecutorService threads;

  private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
  private final AtomicInteger comparedFinds = new AtomicInteger();
  private final AtomicInteger indexScans = new AtomicInteger();
  private final AtomicInteger sortedFinds = new AtomicInteger();
  private final AtomicInteger sortsFromIndex = new AtomicInteger();
  private final AtomicInteger concurrentFinds = new AtomicInteger();
  private volatile List<Document> anchors = List.of();
  /** The indexes both stores have now, which queries may hint. */
  private volatile List<IndexSpec> indexes = List.of();

  @BeforeEach
  void start() {
    connectEngine();
    referenceServer = new MongoServer(new ReferenceBackend());
    referenceServer.bind(new InetSocketAddress(EmbeddedMongoServer.HOST, 0));
    referenceClient = MongoClients.create("mongodb://" + EmbeddedMongoServer.HOST + ":"
        + referenceServer.getLocalAddress().getPort());
    reference = referenceClient.getDatabase("db").getCollection("items");
    threads = Executors.newFixedThreadPool(READERS + 2);
  }

  /** Closes the engine and opens its file again: the indexes, and what they learnt, must come back. */
  private void restartEngine() {
    engineClient.close();
    engineServer.close();
    connectEngine();
  }

  private void connectEngine() {
    engineServer = EmbeddedMongoServer.start(dataDir, "differential.mv.db", 0);
    engineClient = MongoClients.create(engineServer.uri());
    engine = engineClient.getDatabase("db").getCollection("items");
  }

  @AfterEach
  void stop() throws InterruptedException {
    threads.shutdownNow();
    threads.awaitTermination(10, TimeUnit.SECONDS);
    engineClient.close();
    referenceClient.close();
    engineServer.close();
    referenceServer.shutdownNow();
  }

  @Test
  void answersRandomQueriesAsTheLibrarysMemoryBackendDoes() throws Exception {
    System.out.printf("DifferentialQueryIT: seed %d (-Ddifferential.seed=N), %d rounds (-Ddifferential.rounds=N)%n",
        SEED, ROUNDS);
    long started = System.nanoTime();
    Writer writer = new Writer(new Random(SEED));
    // Documents first, so that the indexes are built over them, then more written through them.
    writer.insertNew(INITIAL_DOCUMENTS, -1);
    for (IndexSpec index : INDEXES) {
      writer.createIndex(index);
    }
    writer.insertNew(INITIAL_DOCUMENTS / 2, -1);
    compareWholeCollections(-1);

    int rounds = 0;
    while (rounds < ROUNDS && failures.isEmpty() && System.nanoTime() - started < BUDGET.toNanos()) {
      int round = rounds++;
      if (round == LATE_INDEX_ROUND) {
        writer.createIndex(LATE_INDEX);
      }
      if (round == EMPTYING_ROUND) {
        writer.emptyAndRefill(round);
      }
      if (round == DROPPING_ROUND) {
        writer.dropIndex(DROPPED_INDEX);
      }
      if (round == RESTART_ROUND) {
        restartEngine();
      }
      AtomicBoolean writing = new AtomicBoolean(true);
      Future<?> writes = threads.submit(() -> {
        try {
          writer.write(WRITES_PER_ROUND, round);
        } finally {
          writing.set(false);
        }
      });
      Future<List<FailedWhileWriting>> concurrentQueries = threads.submit(() -> queryWhileWriting(writing, round));
      writes.get(2, TimeUnit.MINUTES);
      List<FailedWhileWriting> failedWhileWriting = concurrentQueries.get(1, TimeUnit.MINUTES);

      compareWholeCollections(round);
      List<Future<?>> readers = new ArrayList<>();
      for (int reader = 0; reader < READERS; reader++) {
        int readerNumber = reader;
        readers.add(threads.submit(() -> compareQueries(round, readerNumber)));
      }
      for (Future<?> reader : readers) {
        reader.get(2, TimeUnit.MINUTES);
      }
      replayFailed(failedWhileWriting, round);
    }
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    System.out.printf("DifferentialQueryIT: seed %d, %d rounds, %d writes, %d finds compared (%d with an index scan,"
            + " %d of %d sorts from an index), %d finds during writes, %d s%n", SEED, rounds, writer.writes,
        comparedFinds.get(), indexScans.get(), sortsFromIndex.get(), sortedFinds.get(), concurrentFinds.get(), seconds);

    if (!failures.isEmpty()) {
      fail(failures.size() + " difference(s), the first:\n" + failures.peek());
    }
    assertThat(indexScans.get()).describedAs("finds answered by an index scan, of %d", comparedFinds.get())
        .isGreaterThan(comparedFinds.get() / 3);
    assertThat(sortsFromIndex.get()).describedAs("sorts given by an index's order, of %d", sortedFinds.get())
        .isGreaterThan(sortedFinds.get() / 10);
  }

  /**
   * The engine's queries while the writer runs: each must answer without failing, each document
   * once. Not in sort order: the library updates a stored document in place, the very object an
   * open cursor holds, so a later batch (or a reply being encoded) may show a document's new values
   * at its old place, as MongoDB's later batches may too.
   */
  private List<FailedWhileWriting> queryWhileWriting(AtomicBoolean writing, int round) {
    Random random = new Random(mix(round, 98));
    RandomQueries queries = new RandomQueries(random, anchors, indexes);
    List<FailedWhileWriting> failed = new ArrayList<>();
    while (writing.get() && failures.isEmpty()) {
      Query query = queries.next();
      // The count command reads the indexes without the collection's lock, unlike a find.
      boolean counting = random.nextInt(4) == 0;
      List<Document> answer;
      try {
        if (counting) {
          engineClient.getDatabase("db").runCommand(countCommand(query));
          continue;
        }
        answer = query.on(engine).into(new ArrayList<>());
      } catch (MongoException error) {
        failed.add(new FailedWhileWriting(query, counting, error.getCode() + ": " + error.getMessage()));
        continue;
      }
      concurrentFinds.incrementAndGet();
      Set<Object> returned = new HashSet<>();
      for (Document document : answer) {
        if (!returned.add(document.get("_id"))) {
          failures.add(report("while writes ran: returned _id " + document.get("_id") + " twice", round, query, answer,
              "(not asked)"));
          break;
        }
      }
    }
    return failed;
  }

  /** A query (or count) that failed while writes ran must fail on both stores alike at rest too. */
  private void replayFailed(List<FailedWhileWriting> failedWhileWriting, int round) {
    for (FailedWhileWriting failed : failedWhileWriting) {
      Query query = failed.query();
      Function<MongoClient, Object> ask = failed.counting()
          ? client -> client.getDatabase("db").runCommand(countCommand(query))
          : client -> query.on(client.getDatabase("db").getCollection("items")).into(new ArrayList<>());
      Outcome onEngine = Outcome.of(() -> ask.apply(engineClient));
      Outcome onReference = Outcome.of(() -> ask.apply(referenceClient));
      if (!onEngine.failed() || !onEngine.sameAs(onReference)) {
        failures.add(report((failed.counting() ? "a count" : "a find") + " failed while writes ran (" + failed.error()
            + ") but not at rest, or not as the reference", round, query, onEngine, onReference));
      }
    }
  }

  /** A query the engine failed to answer while the writer ran. */
  record FailedWhileWriting(Query query, boolean counting, String error) {}

  private void compareQueries(int round, int reader) {
    Random random = new Random(mix(round, reader));
    RandomQueries queries = new RandomQueries(random, anchors, indexes);
    for (int i = 0; i < QUERIES_PER_READER && failures.isEmpty(); i++) {
      compare(queries.next(), round, random);
    }
  }

  /** Asks both stores the query (and, now and then, its counts and distinct values) and records any difference. */
  private void compare(Query query, int round, Random random) {
    Outcome onEngine = Outcome.of(() -> query.on(engine).into(new ArrayList<>()));
    Outcome onReference = Outcome.of(() -> query.on(reference).into(new ArrayList<>()));
    if (onEngine.failed() || onReference.failed()) {
      if (!onEngine.sameAs(onReference)) {
        failures.add(report("one store failed", round, query, onEngine, onReference));
      }
      return;
    }
    @SuppressWarnings("unchecked")
    List<Document> engineAnswer = (List<Document>) onEngine.value();
    @SuppressWarnings("unchecked")
    List<Document> referenceAnswer = (List<Document>) onReference.value();
    List<Document> matches = reference.find(query.filter()).sort(BY_ID).into(new ArrayList<>());
    String difference = Answers.difference(query, engineAnswer, referenceAnswer, matches);
    if (difference != null) {
      failures.add(report(difference, round, query, engineAnswer, referenceAnswer));
      return;
    }
    tallyPlan(query);
    if (random.nextInt(3) == 0) {
      compareCounts(query, round);
    }
    if (random.nextInt(6) == 0) {
      compareDistinct(query, RandomQueries.SORT_FIELDS.get(random.nextInt(RandomQueries.SORT_FIELDS.size())), round);
    }
  }

  /** Tallies whether the engine answered the query from an index, and its sort from an index's order. */
  private void tallyPlan(Query query) {
    Document winningPlan = query.on(engine).explain().get("queryPlanner", Document.class)
        .get("winningPlan", Document.class);
    comparedFinds.incrementAndGet();
    Document stage = winningPlan;
    while (stage != null && !"IXSCAN".equals(stage.getString("stage"))) {
      stage = stage.get("inputStage", Document.class);
    }
    if (stage != null) {
      indexScans.incrementAndGet();
    }
    if (query.sort() != null) {
      sortedFinds.incrementAndGet();
      if (!"SORT".equals(winningPlan.getString("stage"))) {
        sortsFromIndex.incrementAndGet();
      }
    }
  }

  /** countDocuments (an aggregation) and the count command (a query, which the engine plans), with skip and limit. */
  private void compareCounts(Query query, int round) {
    CountOptions options = new CountOptions().skip(query.skip()).limit(query.limit());
    Outcome engineCount = Outcome.of(() -> engine.countDocuments(query.filter(), options));
    Outcome referenceCount = Outcome.of(() -> reference.countDocuments(query.filter(), options));
    if (!engineCount.sameAs(referenceCount)) {
      failures.add(report("countDocuments differs", round, query, engineCount, referenceCount));
    }
    Document command = countCommand(query);
    Outcome engineN = Outcome.of(() -> countOf(engineClient.getDatabase("db"), command));
    Outcome referenceN = Outcome.of(() -> countOf(referenceClient.getDatabase("db"), command));
    if (!engineN.sameAs(referenceN)) {
      failures.add(report("the count command differs", round, query, engineN, referenceN));
    }
  }

  private static Document countCommand(Query query) {
    Document command = new Document("count", "items").append("query", query.filter())
        .append("skip", query.skip()).append("limit", query.limit());
    if (query.hint() != null) {
      command.append("hint", query.hint());
    }
    return command;
  }

  private static Object countOf(MongoDatabase database, Document command) {
    return ((Number) database.runCommand(command).get("n")).longValue();
  }

  /**
   * The distinct values of a field among the matches. The library keeps the first of equal values
   * (1, 1L and 1.0) it meets, and the stores meet them in different orders: values are compared as
   * the server compares them.
   */
  private void compareDistinct(Query query, String field, int round) {
    Document command = new Document("distinct", "items").append("key", field).append("query", query.filter());
    Outcome onEngine = Outcome.of(() -> engineClient.getDatabase("db").runCommand(command).get("values"));
    Outcome onReference = Outcome.of(() -> referenceClient.getDatabase("db").runCommand(command).get("values"));
    boolean same;
    if (onEngine.failed() || onReference.failed()) {
      same = onEngine.sameAs(onReference);
    } else {
      List<?> engineValues = (List<?>) onEngine.value();
      List<?> referenceValues = (List<?>) onReference.value();
      same = engineValues.size() == referenceValues.size();
      for (int i = 0; same && i < engineValues.size(); i++) {
        same = ValueComparator.ascWithoutListHandling()
            .compare(Answers.asLibraryValue(engineValues.get(i)), Answers.asLibraryValue(referenceValues.get(i))) == 0;
      }
    }
    if (!same) {
      failures.add(report("distinct " + field + " differs", round, query, onEngine, onReference));
    }
  }

  /** Every document, in both stores: the writes left them the same. Also the next queries' anchors. */
  private void compareWholeCollections(int round) {
    List<Document> inEngine = engine.find().sort(BY_ID).into(new ArrayList<>());
    List<Document> inReference = reference.find().sort(BY_ID).into(new ArrayList<>());
    if (!inEngine.equals(inReference)) {
      failures.add(report("the stores hold different documents", round, new Query(new Document(), BY_ID, 0, 0, null),
          inEngine, inReference));
    }
    anchors = List.copyOf(inReference);
  }

  private String report(String difference, int round, Query query, Object engineAnswer, Object referenceAnswer) {
    return difference + "\n  seed " + SEED + ", round " + round + replay(round) + "\n  " + query + "\n  engine:    "
        + shortened(engineAnswer) + "\n  reference: " + shortened(referenceAnswer);
  }

  /** The same seed gives the same data round by round, however many rounds run; time only ends a run sooner. */
  private static String replay(int round) {
    return " (replay: -Ddifferential.seed=" + SEED + " -Ddifferential.rounds=" + (round + 1)
        + " -Ddifferential.seconds=600)";
  }

  private static String shortened(Object answer) {
    if (answer instanceof Outcome outcome) {
      return outcome.failed() ? outcome.error() : shortened(outcome.value());
    }
    if (!(answer instanceof List<?> documents) || documents.stream().anyMatch(each -> !(each instanceof Document))) {
      return String.valueOf(answer);
    }
    String ids = documents.stream().limit(60).map(each -> String.valueOf(((Document) each).get("_id")))
        .collect(Collectors.joining(", ", "_ids [", documents.size() > 60 ? ", …]" : "]"));
    String first = documents.stream().limit(5).map(each -> json((Document) each))
        .map(text -> text.length() > 240 ? text.substring(0, 240) + "…" : text)
        .collect(Collectors.joining("\n      "));
    return documents.size() + " documents, " + ids + "\n      " + first;
  }

  private static String json(Document document) {
    return document == null ? "null" : document.toJson(SHELL);
  }

  /** One number per round and thread from the seed, so that each thread's randomness is its own and repeatable. */
  private static long mix(int round, int thread) {
    return SEED * 1_000_003L + round * 1_009L + thread;
  }

  /**
   * The library's memory backend, its distinct mended as the engine's is: an element of an array
   * that lacks the field gives no value, as in MongoDB, rather than a marker that has no BSON form
   * (the reply failed to encode, the library closed the connection, and the driver then failed the
   * other reader's operation on that server).
   */
  static final class ReferenceBackend extends MemoryBackend {
    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
      return new MemoryDatabase(databaseName, getCursorRegistry()) {
        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
          return new MemoryCollection(this, collectionName, options, cursorRegistry) {
            @Override
            public synchronized de.bwaldvogel.mongo.bson.Document handleDistinct(
                de.bwaldvogel.mongo.bson.Document query) {
              Object filter = query.get("query");
              Set<Object> values = new TreeSet<>(ValueComparator.ascWithoutListHandling());
              for (de.bwaldvogel.mongo.bson.Document document : queryDocuments(
                  filter instanceof de.bwaldvogel.mongo.bson.Document given ? given
                      : new de.bwaldvogel.mongo.bson.Document(), null, 0, 0, 0, null)) {
                Object value = Utils.getSubdocumentValueCollectionAware(document, (String) query.get("key"));
                for (Object each : value instanceof Collection<?> elements ? elements : Arrays.asList(value)) {
                  if (!(each instanceof Missing)) {
                    values.add(each);
                  }
                }
              }
              de.bwaldvogel.mongo.bson.Document response = new de.bwaldvogel.mongo.bson.Document("values", values);
              Utils.markOkay(response);
              return response;
            }
          };
        }
      };
    }
  }

  /** An index to create on both stores. */
  record IndexSpec(Document keys, boolean unique, boolean sparse) {}

  /** A find: the filter, the sort ({@code null}: none), skip and limit (0: none) and the hinted index's keys. */
  record Query(Document filter, Document sort, int skip, int limit, Document hint) {

    FindIterable<Document> on(MongoCollection<Document> collection) {
      FindIterable<Document> find = collection.find(filter);
      if (sort != null) {
        find.sort(sort);
      }
      if (skip > 0) {
        find.skip(skip);
      }
      if (limit > 0) {
        find.limit(limit);
      }
      if (hint != null) {
        find.hint(hint);
      }
      return find;
    }

    @Override
    public String toString() {
      return "filter " + json(filter) + "\n  sort " + (sort == null ? "none" : json(sort)) + ", skip " + skip
          + ", limit " + limit + ", hint " + (hint == null ? "none" : json(hint));
    }
  }

  /** What a store answered: a value, or the error it failed with. */
  record Outcome(Object value, Integer code, String error) {

    static Outcome of(Supplier<?> call) {
      try {
        return new Outcome(call.get(), null, null);
      } catch (MongoSocketException dropped) {
        // Not an answer: the server closed the connection, and the driver fails the other threads' operations too.
        throw dropped;
      } catch (MongoException failed) {
        return new Outcome(null, failed.getCode(), "error " + failed.getCode() + ": " + failed.getMessage());
      }
    }

    boolean failed() {
      return error != null;
    }

    /** The same value, or both failed alike (their messages may name things differently). */
    boolean sameAs(Outcome other) {
      if (failed() || other.failed()) {
        return failed() && other.failed() && code.equals(other.code);
      }
      return value.equals(other.value);
    }
  }

  /** Applies random writes to both stores, in the same order, and checks that both report the same. */
  private final class Writer {
    private final Random random;
    private final RandomValues values;
    private int nextId;
    private long nextCode;
    int writes;

    Writer(Random random) {
      this.random = random;
      this.values = new RandomValues(random);
    }

    void createIndex(IndexSpec index) {
      IndexOptions options = new IndexOptions().unique(index.unique()).sparse(index.sparse());
      applyToBoth("createIndex " + json(index.keys()), -1, collection -> collection.createIndex(index.keys(), options));
      List<IndexSpec> more = new ArrayList<>(indexes);
      more.add(index);
      indexes = List.copyOf(more);
    }

    void dropIndex(IndexSpec index) {
      applyToBoth("dropIndex " + json(index.keys()), -1, collection -> {
        collection.dropIndex(index.keys());
        return "dropped";
      });
      indexes = indexes.stream().filter(each -> !each.equals(index)).collect(Collectors.toUnmodifiableList());
    }

    void insertNew(int count, int round) {
      values.emptyArraysLeft = emptyTagsAllowed();
      List<Document> documents = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        documents.add(values.document(idOf(nextId++), nextCode()));
      }
      // Batches of a few hundred, as a client would send them.
      for (int from = 0; from < documents.size(); from += 300) {
        List<Document> batch = documents.subList(from, Math.min(documents.size(), from + 300));
        applyToBoth("insertMany of " + batch.size(), round, collection -> collection.insertMany(batch));
      }
    }

    /** A deleteMany of everything (the engine empties its maps at once), then documents anew. */
    void emptyAndRefill(int round) {
      applyToBoth("deleteMany {}", round, collection -> collection.deleteMany(new Document()));
      insertNew(INITIAL_DOCUMENTS / 2, round);
    }

    void write(int count, int round) {
      RandomQueries filters = new RandomQueries(random, List.of(), List.of());
      for (int i = 0; i < count && failures.isEmpty(); i++) {
        writes++;
        values.emptyArraysLeft = emptyTagsAllowed();
        int kind = random.nextInt(100);
        if (kind < 28) {
          insertNew(1 + random.nextInt(4), round);
        } else if (kind < 46) {
          // updateOne and deleteOne change the first match, which is the scan's choice: the filters
          // name one document by its _id, so that both stores change the same.
          Document filter = new Document("_id", randomId());
          if (random.nextInt(4) == 0) {
            filter.append(NUM, new Document("$gte", values.number()));
          }
          boolean upsert = random.nextInt(6) == 0;
          Document update = random.nextInt(5) == 0 ? arrayUpdate()
              : update(upsert || random.nextInt(5) == 0, random.nextInt(8) == 0);
          applyToBoth("updateOne " + json(filter) + " " + json(update) + (upsert ? " upsert" : ""), round,
              collection -> collection.updateOne(filter, update, new UpdateOptions().upsert(upsert)));
        } else if (kind < 58) {
          Document filter = filters.filter();
          values.emptyArraysLeft = 0;
          Document update = update(false, false);
          if (reference.countDocuments(filter) > reference.countDocuments() / 4) {
            filter = new Document(GROUP, random.nextInt(6)).append(NUM, filter.getOrDefault(NUM, values.number()));
          }
          Document chosen = filter;
          applyToBoth("updateMany " + json(chosen) + " " + json(update), round,
              collection -> collection.updateMany(chosen, update));
        } else if (kind < 66) {
          Document filter = new Document("_id", randomId());
          applyToBoth("deleteOne " + json(filter), round, collection -> collection.deleteOne(filter));
        } else if (kind < 75) {
          Document filter = filters.filter();
          if (reference.countDocuments(filter) > Math.max(3, reference.countDocuments() / 40)) {
            filter = new Document("_id", new Document("$in", List.of(randomId(), randomId(), randomId())));
          }
          Document chosen = filter;
          applyToBoth("deleteMany " + json(chosen), round, collection -> collection.deleteMany(chosen));
        } else if (kind < 84) {
          Document filter = new Document("_id", randomId());
          Document replacement = values.document(null, nextCode());
          replacement.remove("_id");
          applyToBoth("replaceOne " + json(filter) + " " + json(replacement), round,
              collection -> collection.replaceOne(filter, replacement));
        } else {
          // The first match in an order that leaves no ties: the same document in both stores.
          Document filter = filters.filter();
          Document sort = filters.sortWithoutTies();
          if (kind < 93) {
            Document update = update(random.nextInt(5) == 0, false);
            FindOneAndUpdateOptions options = new FindOneAndUpdateOptions().sort(sort)
                .returnDocument(random.nextBoolean() ? ReturnDocument.AFTER : ReturnDocument.BEFORE);
            applyToBoth("findOneAndUpdate " + json(filter) + " " + json(update) + " sort " + json(sort), round,
                collection -> collection.findOneAndUpdate(filter, update, options));
          } else {
            applyToBoth("findOneAndDelete " + json(filter) + " sort " + json(sort), round,
                collection -> collection.findOneAndDelete(filter, new FindOneAndDeleteOptions().sort(sort)));
          }
        }
      }
    }

    /**
     * $push, $addToSet or $pull on the tags of one document (which fails alike in both stores where
     * tags hold no array). $pull may leave an array empty: only where no other is.
     */
    private Document arrayUpdate() {
      Object tag = values.tag();
      return switch (random.nextInt(values.emptyArraysLeft > 0 ? 3 : 2)) {
        case 0 -> new Document("$push", new Document(TAGS, tag));
        case 1 -> new Document("$addToSet", new Document(TAGS, tag));
        default -> new Document("$pull", new Document(TAGS, tag));
      };
    }

    /**
     * $set, $unset and $inc of a few fields. A new code only where one document changes: the unique
     * index would refuse it for the second, part way through, in an order each store chooses. Text
     * turns into an array only here, so that its indexes learn of arrays from an update.
     */
    private Document update(boolean newCode, boolean textAsArray) {
      Document set = new Document();
      Document unset = new Document();
      Document increment = new Document();
      Set<String> changed = new HashSet<>();
      for (int i = 1 + random.nextInt(3); i > 0; i--) {
        String field = RandomValues.UPDATED_FIELDS.get(random.nextInt(RandomValues.UPDATED_FIELDS.size()));
        if (!changed.add(field)) {
          continue;
        }
        // The counter only ever holds numbers, so that $inc never fails part way through an updateMany.
        if (field.equals(COUNTER) && random.nextBoolean()) {
          increment.append(COUNTER, random.nextBoolean() ? (Object) (random.nextInt(5) - 2) : 0.25);
          continue;
        }
        Object value = values.valueOf(field);
        if (value == RandomValues.MISSING) {
          unset.append(field, "");
        } else {
          set.append(field, value);
        }
      }
      if (newCode) {
        set.append(CODE, nextCode());
      }
      if (textAsArray) {
        unset.remove(TEXT);
        set.append(TEXT, List.of(values.text(), values.text()));
      }
      Document update = new Document();
      if (!set.isEmpty()) {
        update.append("$set", set);
      }
      if (!unset.isEmpty()) {
        update.append("$unset", unset);
      }
      if (!increment.isEmpty()) {
        update.append("$inc", increment);
      }
      return update.isEmpty() ? new Document("$set", new Document(FLAG, true)) : update;
    }

    /**
     * One document at most holds an empty tags array. The library's comparator calls one empty
     * array less than another, whichever comes first, and its sort of documents that hold several
     * then depends on the order it meets them in (the comparator is not even an order); no index
     * order can match that.
     */
    private int emptyTagsAllowed() {
      return reference.countDocuments(new Document(TAGS, new Document("$size", 0))) == 0 ? 1 : 0;
    }

    private Object randomId() {
      return idOf(random.nextInt(Math.max(1, nextId)));
    }

    /** Mostly int32, and now and then an int64, a fractional double, a string or an ObjectId, each unique. */
    private Object idOf(int number) {
      return switch (number % 10) {
        case 0 -> "id-" + number;
        case 1 -> number + 5_000_000_000L;
        case 2 -> new ObjectId(String.format("%024x", number));
        case 3 -> number + 0.5;
        default -> number;
      };
    }

    /** A value no other document's code holds: numbers and strings from one counter. */
    private Object nextCode() {
      long code = nextCode++;
      return switch (random.nextInt(3)) {
        case 0 -> (int) code;
        case 1 -> code + 3_000_000_000L;
        default -> "c\u00e9" + code + (code % 2 == 0 ? "\uD83D\uDE00" : "");
      };
    }

    private void applyToBoth(String description, int round, Function<MongoCollection<Document>, Object> write) {
      Outcome onEngine = Outcome.of(() -> String.valueOf(write.apply(engine)));
      Outcome onReference = Outcome.of(() -> String.valueOf(write.apply(reference)));
      if (!onEngine.sameAs(onReference)) {
        failures.add(description + " answered differently\n  seed " + SEED + ", round " + round + replay(round)
            + "\n  engine:    " + shortened(onEngine) + "\n  reference: " + shortened(onReference));
      }
    }
  }

  /**
   * Random values of the kinds documents hold, with few distinct ones so that queries meet them.
   * Doubles stay within ±1e15 and are never NaN, and fractional ones stay small: the library compares
   * an int64 beyond the int32 range with a double by the double's whole part, which is not even a
   * transitive order when the whole parts meet (NaN counts as 0 there, 1e300 as Long.MAX_VALUE, and
   * 3000000000 equals 3000000000.5), so that the library's own sort of such values depends on the
   * order it meets them in and no index order can match it (KeyEncoderTest.libraryQuirk).
   */
  static final class RandomValues {
    static final Object MISSING = new Object();
    static final List<String> UPDATED_FIELDS =
        List.of(NUM, GROUP, TEXT, TAGS, WHEN, FLAG, RARE, EMBEDDED, PROFILE, MIXED, LOOSE, COUNTER);
    private static final List<String> GENERATED_FIELDS =
        List.of(NUM, GROUP, TEXT, TAGS, WHEN, FLAG, RARE, EMBEDDED, PROFILE, MIXED, LOOSE, COUNTER);
    /** Upper and lower case, accents, NUL, a character beyond the BMP (surrogates in UTF-16) and the last BMP one. */
    private static final String[] LETTERS = {"a", "A", "b", "B", "\u00e9", "\u00c9", "\u00df", "\u0000", "z", "0", " ",
        "\uD83D\uDE00", "\uD83D\uDE03", "\uFFFF"};
    private static final ObjectId[] OBJECT_IDS = {new ObjectId("5f0000000000000000000001"),
        new ObjectId("5f0000000000000000000002"), new ObjectId("600000000000000000000000")};
    private static final Object[] EDGE_NUMBERS = {-0.0, 0.0, Integer.MAX_VALUE, Integer.MIN_VALUE,
        (long) Integer.MAX_VALUE + 1, 1L << 53, (1L << 53) + 1, -(1L << 53) - 1, 1e15, -1e15, Long.MAX_VALUE,
        Long.MIN_VALUE};
    private static final long YEAR_2000 = 946_684_800_000L;
    private static final long DAY = 86_400_000L;

    private final Random random;
    /** How many more empty arrays {@link #valueOf} may give (see Writer.emptyTagsAllowed). */
    int emptyArraysLeft = Integer.MAX_VALUE;

    RandomValues(Random random) {
      this.random = random;
    }

    Document document(Object id, Object code) {
      Document document = new Document("_id", id).append(CODE, code);
      for (String field : GENERATED_FIELDS) {
        Object value = valueOf(field);
        if (value != MISSING) {
          document.append(field, value);
        }
      }
      return document;
    }

    /** A value of the field as documents hold it, or {@link #MISSING}. */
    Object valueOf(String field) {
      int dice = random.nextInt(100);
      switch (field) {
        case NUM:
          return dice < 80 ? number() : dice < 85 ? null : dice < 90 ? MISSING : scalar();
        case GROUP:
          if (dice < 75) {
            return random.nextInt(6);
          }
          return dice < 80 ? (Object) (long) random.nextInt(6) : dice < 85 ? (double) random.nextInt(6)
              : dice < 90 ? MISSING : scalar();
        case TEXT:
          return dice < 75 ? text() : dice < 85 ? MISSING : dice < 90 ? null : scalar();
        case TAGS:
          if (dice < 45) {
            List<Object> tags = new ArrayList<>();
            for (int i = 1 + random.nextInt(4); i > 0; i--) {
              tags.add(tag());
            }
            return tags;
          }
          return dice < 55 ? emptyArray() : dice < 70 ? tag() : dice < 95 ? MISSING : null;
        case WHEN:
          return dice < 70 ? date() : dice < 90 ? MISSING : scalar();
        case FLAG:
          return dice < 40 ? Boolean.TRUE : dice < 80 ? Boolean.FALSE : dice < 90 ? null : MISSING;
        case RARE:
          return dice < 30 ? scalar() : MISSING;
        case PROFILE:
          // Rarely not a document: then profile.rank is missing, which its index keeps as null.
          return dice < 50 ? new Document("rank", dice < 40 ? number() : scalar()).append("name", text())
              : dice < 55 ? scalar() : MISSING;
        case EMBEDDED:
          if (dice < 12) {
            return embedded();
          }
          return dice < 17 ? new ArrayList<>(List.of(embedded(), embedded())) : MISSING;
        case MIXED:
          // Now and then a value the key order does not place exactly (a document, a decimal, binary
          // data), so that the index stops sorting by it; no other field holds one, so theirs still sort.
          if (dice < 97) {
            return dice < 80 ? scalar() : MISSING;
          }
          return dice < 98 ? new Document("k", random.nextInt(3)) : inexact();
        case LOOSE:
          return dice < 70 ? scalar() : dice < 95 ? MISSING : inexact();
        case COUNTER:
          return dice < 60 ? (Object) (random.nextInt(21) - 10) : dice < 80 ? (random.nextInt(41) - 20) / 4.0 : MISSING;
        default:
          return MISSING;
      }
    }

    /**
     * A decimal (tenths, whose nearest doubles all differ: the library compares a decimal with
     * another number by its nearest double, with another decimal exactly) or binary data.
     */
    private Object inexact() {
      return random.nextBoolean() ? new Decimal128(BigDecimal.valueOf(random.nextInt(41) - 20, 1))
          : new Binary(new byte[] {(byte) random.nextInt(3), (byte) random.nextInt(3)});
    }

    private Object emptyArray() {
      if (emptyArraysLeft <= 0) {
        return MISSING;
      }
      emptyArraysLeft--;
      return new ArrayList<>();
    }

    /** int32, int64 (small, beyond int32, beyond doubles' exact range), doubles (small fractions, large whole ones). */
    Object number() {
      return switch (random.nextInt(10)) {
        case 0, 1, 2 -> random.nextInt(41) - 20;
        case 3 -> (long) (random.nextInt(41) - 20);
        case 4 -> (random.nextBoolean() ? 1 : -1) * ((1L << (31 + random.nextInt(32))) + random.nextInt(3) - 1);
        case 5, 6 -> (random.nextInt(401) - 200) / 8.0;
        case 7 -> (double) (random.nextInt(41) - 20);
        case 8 -> (random.nextBoolean() ? 1 : -1) * Math.floor(random.nextDouble() * 1e15);
        default -> EDGE_NUMBERS[random.nextInt(EDGE_NUMBERS.length)];
      };
    }

    String text() {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(4); i > 0; i--) {
        text.append(LETTERS[random.nextInt(LETTERS.length)]);
      }
      return text.toString();
    }

    Date date() {
      long offset = (random.nextInt(41) - 20) * 400 * DAY;
      return new Date(YEAR_2000 + offset + (random.nextInt(4) == 0 ? random.nextInt(1_000) : 0));
    }

    Object scalar() {
      return switch (random.nextInt(12)) {
        case 0, 1, 2, 3, 11 -> number();
        case 4, 5, 6 -> text();
        case 7 -> random.nextBoolean();
        case 8 -> date();
        case 9 -> null;
        default -> OBJECT_IDS[random.nextInt(OBJECT_IDS.length)];
      };
    }

    Object tag() {
      int dice = random.nextInt(10);
      if (dice < 4) {
        return random.nextInt(10);
      }
      if (dice < 7) {
        return LETTERS[random.nextInt(6)] + (random.nextBoolean() ? "" : LETTERS[random.nextInt(LETTERS.length)]);
      }
      return dice == 7 ? null : dice == 8 ? (Object) random.nextBoolean() : random.nextInt(10) / 2.0;
    }

    private Document embedded() {
      Document embedded = new Document();
      if (random.nextInt(5) > 0) {
        embedded.append("x", random.nextBoolean() ? (Object) random.nextInt(6) : LETTERS[random.nextInt(4)]);
      }
      return embedded.append("y", number());
    }
  }

  /** Random finds over the fields the documents hold, with values often taken from a document (an anchor). */
  static final class RandomQueries {
    static final List<String> SORT_FIELDS =
        List.of("_id", CODE, NUM, GROUP, TEXT, TAGS, WHEN, FLAG, RARE, EMBEDDED_X, EMBEDDED, PROFILE_RANK, MIXED, LOOSE,
            COUNTER, ABSENT);
    /** The indexed fields twice, to query them more often. */
    private static final List<String> FILTER_FIELDS = List.of("_id", CODE, NUM, NUM, GROUP, GROUP, TEXT, TEXT, TAGS,
        TAGS, WHEN, WHEN, FLAG, RARE, RARE, EMBEDDED_X, EMBEDDED_Y, EMBEDDED, PROFILE_RANK, PROFILE_RANK, MIXED, MIXED,
        LOOSE, COUNTER, ABSENT);
    /** Where {@link #boundary} puts bounds: the numeric fields more often. */
    private static final List<String> BOUNDARY_FIELDS =
        List.of("_id", CODE, NUM, NUM, NUM, MIXED, MIXED, COUNTER, PROFILE_RANK, RARE, LOOSE, TEXT, WHEN);
    private static final String[] PATTERNS =
        {"^a", "a", "^A", "b$", "^$", "\u00e9", "^[0-9]", "\uD83D\uDE00", "^.$", "\\x00", "^c\u00e91"};
    /**
     * For the unique fields: the memory backend answers {@code {code: /re/}} from its unique index,
     * which tries the pattern on strings only, while the library's matcher (the engine's, and the
     * memory backend's elsewhere) tries it on any value's text, so that /^[0-9]/ matches 15 there,
     * and /b/ an ObjectId. These patterns match neither a number's text nor an ObjectId's hex digits,
     * so both ways agree.
     */
    private static final String[] WORD_PATTERNS = {"^c\u00e91", "\u00e9", "\uD83D\uDE00$", "^id-1", "^i"};
    private static final String[] RANGE_OPERATORS = {"$gt", "$gte", "$lt", "$lte"};

    private final Random random;
    private final RandomValues values;
    private final List<Document> anchors;
    /** Not the sparse index: a hint makes MongoDB read it even where it lacks documents that match. */
    private final List<IndexSpec> hintable;
    private Document anchor;

    /**
     * @param anchors documents whose values queries use
     * @param indexes the indexes there are, which a query may hint
     */
    RandomQueries(Random random, List<Document> anchors, List<IndexSpec> indexes) {
      this.random = random;
      this.values = new RandomValues(random);
      this.anchors = anchors;
      this.hintable = indexes.stream().filter(index -> !index.sparse()).collect(Collectors.toList());
    }

    Query next() {
      anchor = anchors.isEmpty() ? null : anchors.get(random.nextInt(anchors.size()));
      if (random.nextInt(10) == 0) {
        return keysetPage();
      }
      Document filter = filter();
      Document sort = sort();
      int skip = random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(30);
      int limit = random.nextBoolean() ? 0 : 1 + random.nextInt(40);
      Document hint = null;
      if (random.nextInt(10) == 0 && !hintable.isEmpty()) {
        hint = hintable.get(random.nextInt(hintable.size())).keys();
      }
      return new Query(filter, sort, skip, limit, hint);
    }

    Document filter() {
      return filter(0);
    }

    /** @param depth how deep in $or and $and this filter is: deeper ones do not nest further */
    private Document filter(int depth) {
      switch (random.nextInt(13)) {
        case 0:
          return new Document();
        case 1: case 2: case 3: case 4:
          return conjunction(1 + random.nextInt(3));
        case 5:
          if (random.nextInt(3) == 0) {
            return new Document("$and", List.of(disjunction(depth), disjunction(depth)));
          }
          return new Document("$and", List.of(conjunction(1), conjunction(1)));
        case 6: case 7:
          Document filter = random.nextBoolean() ? conjunction(1) : new Document();
          filter.putAll(disjunction(depth));
          if (random.nextInt(8) == 0) {
            filter.append("$nor", List.of(conjunction(1)));
          }
          return filter;
        case 8:
          String field = field();
          return new Document(field, twoBounds(field));
        case 9:
          String unique = random.nextBoolean() ? "_id" : CODE;
          return new Document(unique, twoBounds(unique));
        case 10:
          return bigIn();
        default:
          return boundary();
      }
    }

    /** $in lists so long that equality on both fields of an index would make over a thousand ranges. */
    private Document bigIn() {
      Document filter = new Document();
      for (String field : List.of(GROUP, random.nextBoolean() ? NUM : TEXT)) {
        List<Object> list = new ArrayList<>();
        for (int i = 20 + random.nextInt(30); i > 0; i--) {
          list.add(field.equals(GROUP) && random.nextBoolean() ? random.nextInt(60) : scalarOperand(field));
        }
        filter.append(field, new Document("$in", list));
      }
      return filter;
    }

    /**
     * A bound at or right beside a document's value, where keys and the matcher could part: the same
     * number as another type or half a unit off, a string one character shorter or with a NUL after
     * it, a date a millisecond off.
     */
    private Document boundary() {
      String field = BOUNDARY_FIELDS.get(random.nextInt(BOUNDARY_FIELDS.size()));
      Object value = anchor == null ? RandomValues.MISSING : valueAt(anchor, field);
      if (value == RandomValues.MISSING || value instanceof List<?>) {
        value = values.number();
      }
      if (random.nextInt(4) == 0) {
        return new Document(field, new Document("$gte", beside(value)).append("$lte", beside(value)));
      }
      return new Document(field, new Document(RANGE_OPERATORS[random.nextInt(4)], beside(value)));
    }

    private Object beside(Object value) {
      if (value instanceof Number number) {
        double asDouble = number.doubleValue();
        return switch (random.nextInt(5)) {
          case 0 -> number.longValue();
          case 1 -> asDouble;
          case 2 -> asDouble + 0.5;
          case 3 -> asDouble - 0.5;
          default -> value;
        };
      } else if (value instanceof String text) {
        return switch (random.nextInt(3)) {
          case 0 -> text + "\u0000";
          case 1 -> text.isEmpty() ? text : text.substring(0, text.length() - 1);
          default -> text;
        };
      } else if (value instanceof Date date) {
        return new Date(date.getTime() + random.nextInt(3) - 1);
      }
      return value;
    }

    /** An $or of conjunctions, now and then of whole filters with their own $or and $and. */
    private Document disjunction(int depth) {
      List<Document> branches = new ArrayList<>();
      for (int i = 2 + random.nextInt(2); i > 0; i--) {
        branches.add(depth < 2 && random.nextInt(5) == 0 ? filter(depth + 1) : conjunction(1 + random.nextInt(2)));
      }
      return new Document("$or", branches);
    }

    /**
     * A page after a cursor, as a client pages through an index's order:
     * {@code {$or: [{p: {$gt: X}}, {p: X, q: {$gt: Y}}]}} sorted by p and q, either direction.
     */
    private Query keysetPage() {
      List<IndexSpec> compound = INDEXES.stream().filter(index -> index.keys().size() > 1).collect(Collectors.toList());
      Document keys;
      if (random.nextInt(4) == 0) {
        // A single field with _id after it: an index of the field alone cannot give that order, one
        // that ends in _id can.
        keys = new Document(List.of(NUM, TEXT, WHEN).get(random.nextInt(3)), 1).append("_id", 1);
      } else {
        keys = compound.get(random.nextInt(compound.size())).keys();
      }
      List<String> fields = new ArrayList<>(keys.keySet());
      boolean reversed = random.nextBoolean();
      Document sort = new Document();
      for (String field : fields) {
        sort.append(field, reversed ? -keys.getInteger(field) : keys.getInteger(field));
      }
      String first = fields.get(0);
      String second = fields.get(1);
      Object x = scalarOperand(first);
      Object y = scalarOperand(second);
      String firstOperator = sort.getInteger(first) > 0 ? "$gt" : "$lt";
      String secondOperator = sort.getInteger(second) > 0 ? "$gt" : "$lt";
      Document filter = new Document("$or", List.of(
          new Document(first, new Document(firstOperator, x)),
          new Document(first, x).append(second, new Document(secondOperator, y))));
      return new Query(filter, sort, 0, 1 + random.nextInt(30), null);
    }

    private Document conjunction(int fields) {
      Document conjunction = new Document();
      for (int i = 0; i < fields; i++) {
        String field = field();
        conjunction.append(field, condition(field));
      }
      return conjunction;
    }

    private Object condition(String field) {
      int dice = random.nextInt(100);
      if (dice < 22) {
        return operand(field);
      } else if (dice < 30) {
        return new Document("$eq", operand(field));
      } else if (dice < 42) {
        List<Object> list = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
          list.add(random.nextInt(6) == 0 ? null : scalarOperand(field));
        }
        return new Document("$in", list);
      } else if (dice < 64) {
        return new Document(RANGE_OPERATORS[random.nextInt(4)], scalarOperand(field));
      } else if (dice < 76) {
        return twoBounds(field);
      } else if (dice < 82) {
        return new Document("$ne", operand(field));
      } else if (dice < 88) {
        return new Document("$exists", random.nextBoolean());
      } else if (dice < 94) {
        String[] patterns = field.equals("_id") || field.equals(CODE) ? WORD_PATTERNS : PATTERNS;
        return new BsonRegularExpression(patterns[random.nextInt(patterns.length)], random.nextBoolean() ? "" : "i");
      } else if (dice < 95) {
        return switch (random.nextInt(4)) {
          case 0 -> new Document("$size", random.nextInt(3));
          case 1 -> new Document("$type", random.nextBoolean() ? "string" : "number");
          case 2 -> new Document("$all", Arrays.asList(scalarOperand(field), scalarOperand(field)));
          default -> new Document("$mod", List.of(3, random.nextInt(3)));
        };
      } else if (dice < 97) {
        return new Document("$nin", Arrays.asList(scalarOperand(field), scalarOperand(field)));
      }
      return new Document("$not", new Document(RANGE_OPERATORS[random.nextInt(4)], scalarOperand(field)));
    }

    /** A lower and an upper bound, often of one type and in order, the upper one first now and then. */
    private Document twoBounds(String field) {
      Object low = scalarOperand(field);
      Object high = random.nextInt(3) == 0 ? scalarOperand(field) : above(low);
      Document lower = new Document(random.nextBoolean() ? "$gt" : "$gte", low);
      Document upper = new Document(random.nextBoolean() ? "$lt" : "$lte", high);
      Document bounds = new Document();
      for (Document bound : random.nextInt(4) == 0 ? List.of(upper, lower) : List.of(lower, upper)) {
        bounds.putAll(bound);
      }
      return bounds;
    }

    private Object above(Object value) {
      if (value instanceof Integer number) {
        return number + random.nextInt(12);
      } else if (value instanceof Long number) {
        return number + random.nextInt(12);
      } else if (value instanceof Double number) {
        return number + random.nextInt(40) / 4.0;
      } else if (value instanceof String text) {
        return text + values.text() + "z";
      } else if (value instanceof Date date) {
        return new Date(date.getTime() + random.nextInt(4_000) * RandomValues.DAY);
      }
      return value instanceof Boolean ? Boolean.TRUE : value;
    }

    private Document sort() {
      int dice = random.nextInt(20);
      Document sort;
      if (dice < 6) {
        return null;
      } else if (dice < 11) {
        sort = new Document(sortField(), direction());
      } else if (dice < 16) {
        Document keys = INDEXES.get(random.nextInt(INDEXES.size())).keys();
        boolean reversed = random.nextBoolean();
        sort = new Document();
        for (Map.Entry<String, Object> key : keys.entrySet()) {
          sort.append(key.getKey(), reversed ? -(Integer) key.getValue() : key.getValue());
        }
      } else {
        sort = new Document(sortField(), direction());
        for (int more = 1 + random.nextInt(2); more > 0; more--) {
          sort.putIfAbsent(sortField(), direction());
        }
      }
      if (!sort.containsKey("_id") && !sort.containsKey(CODE) && random.nextBoolean()) {
        sort.append("_id", direction());
      }
      return sort;
    }

    /** A random sort that ends in _id where it holds no unique field: one order, whatever the store. */
    Document sortWithoutTies() {
      Document sort = sort();
      if (sort == null) {
        return new Document("_id", direction());
      }
      if (!Answers.decidesOrder(sort)) {
        sort.append("_id", direction());
      }
      return sort;
    }

    private String field() {
      return FILTER_FIELDS.get(random.nextInt(FILTER_FIELDS.size()));
    }

    private String sortField() {
      return SORT_FIELDS.get(random.nextInt(SORT_FIELDS.size()));
    }

    private int direction() {
      return random.nextBoolean() ? 1 : -1;
    }

    /** A value to compare the field with: mostly the anchor's (an array or one of its elements), else a new one. */
    private Object operand(String field) {
      if (anchor != null && random.nextInt(10) < 6) {
        Object value = valueAt(anchor, field);
        if (value instanceof List<?> list && !list.isEmpty() && random.nextInt(4) > 0) {
          value = list.get(random.nextInt(list.size()));
        }
        if (value != RandomValues.MISSING) {
          return variant(value);
        }
      }
      Object generated = values.valueOf(field.equals("_id") ? NUM : field.equals(CODE) ? TEXT : field);
      return generated == RandomValues.MISSING ? null : variant(generated);
    }

    /** An operand that is not an array (range bounds and $in members). */
    private Object scalarOperand(String field) {
      Object operand = operand(field);
      return operand instanceof List<?> ? values.scalar() : operand;
    }

    /**
     * The same number as another type now and then, or a fraction beside it: the server compares
     * numbers by value, but an int64 beyond the int32 range with a double by the double's whole part
     * (3000000000 equals 3000000000.5 there), which index ranges must allow for; such a number gets a
     * fraction beside it more often.
     */
    private Object variant(Object value) {
      if (!(value instanceof Number number)) {
        return value;
      }
      double asDouble = number.doubleValue();
      boolean wide = Math.abs(asDouble) > Integer.MAX_VALUE;
      int dice = random.nextInt(wide ? 4 : 12);
      return switch (dice) {
        case 0 -> number.longValue();
        case 1 -> asDouble;
        case 2 -> asDouble == (int) asDouble ? (Object) (int) asDouble : number;
        case 3 -> asDouble + (random.nextBoolean() ? 0.5 : -0.5);
        default -> value;
      };
    }

    /** The value at a path, array elements' values for a path through an array of documents, or MISSING. */
    private Object valueAt(Document document, String path) {
      Object value = document;
      for (String part : path.split("\\.")) {
        if (value instanceof Document embedded) {
          value = embedded.containsKey(part) ? embedded.get(part) : RandomValues.MISSING;
        } else if (value instanceof List<?> list) {
          List<Object> found = new ArrayList<>();
          for (Object element : list) {
            if (element instanceof Document embedded && embedded.containsKey(part)) {
              found.add(embedded.get(part));
            }
          }
          value = found.isEmpty() ? RandomValues.MISSING : found;
        } else {
          return RandomValues.MISSING;
        }
      }
      return value;
    }
  }

  /** Whether two answers to a query are the same as far as MongoDB specifies them. */
  static final class Answers {

    private Answers() {}

    /**
     * {@code null} when the engine's answer is one the server could give: the reference's documents,
     * in the same order when the sort decides it (it ends in a unique field), otherwise with the same
     * sort keys in the same order, each document a match and none twice; without a sort, documents
     * in any order, and with skip or limit any of the matches, as many as the reference returned.
     *
     * @param matches every match, from the reference
     */
    static String difference(Query query, List<Document> engine, List<Document> reference, List<Document> matches) {
      if (engine.size() != reference.size()) {
        return "the engine returned " + engine.size() + " documents, the reference " + reference.size();
      }
      Map<Object, Document> matchesById = new HashMap<>();
      matches.forEach(match -> matchesById.put(match.get("_id"), match));
      Set<Object> returned = new HashSet<>();
      for (Document document : engine) {
        if (!returned.add(document.get("_id"))) {
          return "the engine returned _id " + document.get("_id") + " twice";
        }
        if (!document.equals(matchesById.get(document.get("_id")))) {
          return "the engine returned a document that does not match: " + json(document);
        }
      }
      if (query.sort() == null) {
        return null;
      }
      if (decidesOrder(query.sort())) {
        for (int i = 0; i < engine.size(); i++) {
          if (!engine.get(i).equals(reference.get(i))) {
            return "the order differs at " + i + ": engine " + json(engine.get(i)) + ", reference "
                + json(reference.get(i));
          }
        }
        return null;
      }
      DocumentComparator comparator = new DocumentComparator(asLibraryDocument(query.sort()));
      for (int i = 0; i < engine.size(); i++) {
        // The same document has the same keys; the library's comparator would call its empty array
        // less than itself.
        if (!engine.get(i).equals(reference.get(i))
            && comparator.compare(asLibraryDocument(engine.get(i)), asLibraryDocument(reference.get(i))) != 0) {
          return "the sort keys differ at " + i + ": engine " + json(engine.get(i)) + ", reference "
              + json(reference.get(i));
        }
      }
      return null;
    }

    /** Whether the sort leaves no ties: it holds a field whose values differ in every document. */
    static boolean decidesOrder(Document sort) {
      return sort.containsKey("_id") || sort.containsKey(CODE);
    }

    /** A driver document as the library's comparator takes it: its own Document, dates as Instants. */
    static de.bwaldvogel.mongo.bson.Document asLibraryDocument(Document document) {
      return (de.bwaldvogel.mongo.bson.Document) asLibraryValue(document);
    }

    static Object asLibraryValue(Object value) {
      if (value instanceof Document document) {
        de.bwaldvogel.mongo.bson.Document library = new de.bwaldvogel.mongo.bson.Document();
        document.forEach((key, each) -> library.put(key, asLibraryValue(each)));
        return library;
      } else if (value instanceof Collection<?> list) {
        List<Object> converted = new ArrayList<>(list.size());
        list.forEach(each -> converted.add(asLibraryValue(each)));
        return converted;
      } else if (value instanceof Date date) {
        return date.toInstant();
      } else if (value instanceof ObjectId id) {
        return new de.bwaldvogel.mongo.bson.ObjectId(id.toByteArray());
      } else if (value instanceof Decimal128 decimal) {
        return new de.bwaldvogel.mongo.bson.Decimal128(decimal.getLow(), decimal.getHigh());
      } else if (value instanceof Binary binary) {
        return new de.bwaldvogel.mongo.bson.BinData(binary.getData());
      }
      return value;
    }
  }
}
