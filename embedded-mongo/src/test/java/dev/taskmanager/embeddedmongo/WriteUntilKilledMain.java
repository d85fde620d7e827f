package dev.taskmanager.embeddedmongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bson.Document;

/**
 * A child process for {@link KillDuringWritesAndIndexBuildsIT}: runs the server on a data
 * directory, builds an index over what is there (dropping the one an earlier round built), then
 * inserts, updates and deletes documents until
 * killed. Before each write it prints {@code op <kind> <n> <document>}, after the server
 * acknowledged it {@code ok}, so the parent knows every acknowledged write and the one in flight.
 * Arguments: the data directory, a seed, the round.
 */
public final class WriteUntilKilledMain {

  static final String COLLECTION = "items";
  static final List<String> WORDS = List.of("red", "green", "blue", "home", "work");

  private WriteUntilKilledMain() {}

  public static void main(String[] args) {
    Random random = new Random(Long.parseLong(args[1]));
    int round = Integer.parseInt(args[2]);
    EmbeddedMongoServer server = EmbeddedMongoServer.start(Path.of(args[0]), "test.mv.db", 0);
    try (MongoClient client = MongoClients.create(server.uri())) {
      MongoCollection<Document> items = client.getDatabase("db").getCollection(COLLECTION);
      items.createIndex(new Document("n", 1), new IndexOptions().unique(true));
      items.createIndex(new Document("g", 1).append("n", -1));
      items.createIndex(new Document("tags", 1));
      items.createIndex(new Document("s", -1), new IndexOptions().sparse(true));
      List<Integer> live = new ArrayList<>();
      items.find().forEach(document -> live.add(document.getInteger("n")));
      int next = live.stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
      if (live.isEmpty()) {
        // Enough documents that an index build takes a while, so some kills land in one.
        List<Document> seed = new ArrayList<>();
        for (int n = 0; n < 30_000; n++) {
          seed.add(documentOf(n, random));
          live.add(n);
        }
        items.insertMany(seed);
        next = seed.size();
      }
      report("ready " + live.size());
      for (Document index : items.listIndexes()) {
        if (index.getString("name").startsWith("b")) {
          items.dropIndex(index.getString("name"));
        }
      }
      report("building b" + round);
      items.createIndex(new Document("g", -1).append("s", 1).append("n", 1), new IndexOptions().name("b" + round));
      report("built b" + round);
      while (true) {
        int choice = random.nextInt(20);
        if (choice < 14 || live.size() < 10) {
          Document inserted = documentOf(next, random);
          report("op insert " + next + " " + inserted.toJson());
          items.insertOne(inserted);
          live.add(next++);
        } else if (choice < 18) {
          int n = live.get(random.nextInt(live.size()));
          Document changed = documentOf(n, random);
          report("op update " + n + " " + changed.toJson());
          items.updateOne(eq("n", n), Updates.combine(Updates.set("g", changed.get("g")),
              Updates.set("tags", changed.get("tags")), changed.containsKey("s")
                  ? Updates.set("s", changed.get("s")) : Updates.unset("s")));
        } else {
          int n = live.remove(random.nextInt(live.size()));
          report("op delete " + n + " {}");
          items.deleteOne(eq("n", n));
        }
        report("ok");
      }
    }
  }

  static Document documentOf(int n, Random random) {
    List<String> tags = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      tags.add(WORDS.get(random.nextInt(WORDS.size())));
    }
    Document document = new Document("n", n).append("g", random.nextInt(13)).append("tags", tags);
    if (random.nextBoolean()) {
      document.append("s", "s" + random.nextInt(1_000));
    }
    return document;
  }

  private static void report(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
