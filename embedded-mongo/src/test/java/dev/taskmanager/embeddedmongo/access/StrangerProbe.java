package dev.taskmanager.embeddedmongo.access;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import dev.taskmanager.embeddedmongo.EmbeddedMongoException;
import dev.taskmanager.embeddedmongo.EmbeddedMongoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.Document;

/**
 * What a process can get at of a running server's data: run as another local user by {@link
 * OtherLocalUserIT}, and as the owner to show that it finds what is there to find. One line per way
 * in, {@code <way>: <what it got>}.
 *
 * <pre>StrangerProbe DATA_DIR ADDRESS</pre>
 */
public final class StrangerProbe {

  private StrangerProbe() {}

  public static void main(String[] args) {
    Path dataDir = Path.of(args[0]);
    String address = args[1];
    for (String file : new String[] {"test.mv.db", "mongo.address", "mongo.secret", "lock"}) {
      System.out.println("read " + file + ": " + read(dataDir.resolve(file)));
    }
    System.out.println("runningOn: " + EmbeddedMongoServer.runningOn(dataDir).map(uri -> "a URI").orElse("nothing"));
    String uri = EmbeddedMongoServer.runningOn(dataDir).orElse(address);
    try (MongoClient client = MongoClients.create(uri + (uri.contains("?") ? "&" : "/?") + "serverSelectionTimeoutMS=5000")) {
      MongoCollection<Document> things = client.getDatabase("db").getCollection("things");
      System.out.println("find: " + attempt(() -> things.countDocuments() + " documents"));
      System.out.println("insert: " + attempt(() -> {
        things.insertOne(new Document("_id", "from " + args[2]));
        return "inserted";
      }));
    }
    System.out.println("open the directory: " + attempt(() -> {
      EmbeddedMongoServer.start(dataDir, "test.mv.db", 0).close();
      return "opened";
    }));
  }

  private static String read(Path file) {
    try {
      return Files.readAllBytes(file).length + " bytes";
    } catch (IOException refused) {
      return "refused, " + refused.getClass().getSimpleName();
    }
  }

  private static String attempt(java.util.function.Supplier<String> action) {
    try {
      return action.get();
    } catch (MongoCommandException refused) {
      return "refused, " + refused.getErrorCode() + " " + refused.getErrorCodeName();
    } catch (EmbeddedMongoException refused) {
      return "refused, " + refused.getClass().getSimpleName();
    }
  }
}
