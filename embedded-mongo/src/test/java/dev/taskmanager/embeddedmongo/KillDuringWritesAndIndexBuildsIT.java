package dev.taskmanager.embeddedmongo;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import dev.taskmanager.embeddedmongo.testing.ChildProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} at random moments of writes and of index builds loses no acknowledged write, and
 * after every restart each index holds exactly the entries of the documents: a commit never falls
 * inside a write, and an index whose build was cut short is built again or dropped.
 */
class KillDuringWritesAndIndexBuildsIT {

  private static final long SEED = Long.getLong("kill.seed", 20261202L);
  private static final int ROUNDS = Integer.getInteger("kill.rounds", 6);

  @TempDir
  Path dataDir;

  /** What the acknowledged writes left, by document number. */
  private final Map<Integer, Document> expected = new HashMap<>();

  @Test
  @Timeout(240)
  void losesNoAcknowledgedWriteAndKeepsEveryIndexTrueToTheDocuments() throws Exception {
    System.out.println("KillDuringWritesAndIndexBuildsIT: seed " + SEED + " (-Dkill.seed=" + SEED + " repeats it)");
    Random random = new Random(SEED);
    for (int round = 0; round < ROUNDS; round++) {
      long childSeed = SEED + round;
      List<String> lines;
      try (ChildProcess writer = ChildProcess.start(WriteUntilKilledMain.class, dataDir.toString(),
          String.valueOf(childSeed), String.valueOf(round))) {
        // Even rounds are killed while the writer builds an index, odd ones while it writes.
        String awaited = round % 2 == 0 ? "building b" + round : "built b" + round;
        assertThat(writer.awaitLine(awaited::equals, 120_000)).describedAs("the writer got going: %s", writer.err())
            .isTrue();
        Thread.sleep(round % 2 == 0 ? random.nextInt(300) : 20 + random.nextInt(1_500));
        writer.kill();
        lines = writer.out();
      }
      if (round == 0) {
        seedDocuments(childSeed);
      }
      Write inFlight = applyAcknowledged(lines);
      boolean buildCut = !lines.contains("built b" + round);
      System.out.println("KillDuringWritesAndIndexBuildsIT: round " + round + ": " + lines.size() + " lines, "
          + (buildCut ? "killed during the index build" : "killed during writes") + ", " + expected.size()
          + " documents expected");

      try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, "test.mv.db", 0);
          MongoClient client = MongoClients.create(server.uri())) {
        MongoCollection<Document> items = client.getDatabase("db").getCollection(WriteUntilKilledMain.COLLECTION);
        Map<Integer, Document> stored = new HashMap<>();
        items.find().forEach(document -> stored.put(document.getInteger("n"), document));
        assertStoredAsAcknowledged(stored, inFlight, round);
        assertIndexesMatch(items, stored, round);
      }
    }
  }

  /** The documents the first writer inserts before anything else, as its seeded generator makes them. */
  private void seedDocuments(long childSeed) {
    Random random = new Random(childSeed);
    for (int n = 0; n < 30_000; n++) {
      expected.put(n, WriteUntilKilledMain.documentOf(n, random));
    }
  }

  private record Write(String kind, int n, Document document) {}

  /** Applies every acknowledged write to {@link #expected}; returns the one in flight, if any. */
  private Write applyAcknowledged(List<String> lines) {
    Write pending = null;
    for (String line : lines) {
      if (line.startsWith("op ")) {
        String[] parts = line.split(" ", 4);
        pending = new Write(parts[1], Integer.parseInt(parts[2]), Document.parse(parts[3]));
      } else if (line.equals("ok") && pending != null) {
        if (pending.kind().equals("delete")) {
          expected.remove(pending.n());
        } else {
          expected.put(pending.n(), pending.document());
        }
        pending = null;
      }
    }
    return pending;
  }

  private void assertStoredAsAcknowledged(Map<Integer, Document> stored, Write inFlight, int round) {
    Set<Integer> numbers = new TreeSet<>(expected.keySet());
    numbers.addAll(stored.keySet());
    for (int n : numbers) {
      Document actual = stored.get(n) == null ? null : contentOf(stored.get(n));
      Document before = expected.get(n) == null ? null : contentOf(expected.get(n));
      if (inFlight != null && inFlight.n() == n) {
        Document after = inFlight.kind().equals("delete") ? null : contentOf(inFlight.document());
        assertThat(actual).describedAs("round %d: document %d, written when killed", round, n).isIn(before, after);
        if (actual == null) {
          expected.remove(n);
        } else {
          expected.put(n, stored.get(n));
        }
      } else {
        assertThat(actual).describedAs("round %d, seed %d: document %d", round, SEED, n).isEqualTo(before);
      }
    }
  }

  /** Every index, read alone (hinted), finds exactly the documents it should. */
  private static void assertIndexesMatch(MongoCollection<Document> items, Map<Integer, Document> stored, int round) {
    List<String> names = items.listIndexes().map(index -> index.getString("name")).into(new ArrayList<>());
    assertThat(names).describedAs("round %d", round).contains("_id_", "n_1", "g_1_n_-1", "tags_1", "s_-1");
    for (String name : names) {
      Set<Integer> found = numbersOf(items.find().hintString(name));
      Set<Integer> all = new HashSet<>(stored.keySet());
      if (name.equals("s_-1")) {
        all.removeIf(n -> !stored.get(n).containsKey("s"));
      }
      assertThat(found).describedAs("round %d: every document through index %s", round, name).isEqualTo(all);
    }
    for (String word : WriteUntilKilledMain.WORDS) {
      Set<Integer> tagged = new HashSet<>();
      stored.forEach((n, document) -> {
        if (document.getList("tags", String.class).contains(word)) {
          tagged.add(n);
        }
      });
      assertThat(numbersOf(items.find(eq("tags", word)).hint(new Document("tags", 1))))
          .describedAs("round %d: documents tagged %s", round, word).isEqualTo(tagged);
    }
  }

  private static Set<Integer> numbersOf(Iterable<Document> documents) {
    Set<Integer> numbers = new HashSet<>();
    documents.forEach(document -> assertThat(numbers.add(document.getInteger("n")))
        .describedAs("document %s found once", document.get("n")).isTrue());
    return numbers;
  }

  private static Document contentOf(Document document) {
    Document content = new Document("g", document.get("g")).append("tags", document.get("tags"));
    if (document.containsKey("s")) {
      content.append("s", document.get("s"));
    }
    return content;
  }
}
