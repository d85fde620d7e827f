package dev.taskmanager.mongo;

import static dev.taskmanager.core.contract.TaskDraftBuilder.aTask;

import com.mongodb.client.MongoClient;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.taskmanager.core.port.TaskStore;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVStore;

/**
 * Creates per second through the driver on an H2 file, with the library's default (no durability)
 * and with {@link EmbeddedMongo} (an acknowledged write survives {@code kill -9}), for 1 and 4
 * concurrent clients. A program, not a test: it prints figures.
 *
 * <pre>java -cp ... dev.taskmanager.mongo.EmbeddedMongoBenchmark [seconds per run, default 5]</pre>
 */
public final class EmbeddedMongoBenchmark {

  private static final int WARM_UP_CREATES = 1_000;

  private EmbeddedMongoBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    System.out.println("variant                 clients  creates/s");
    for (int clients : new int[] {1, 4}) {
      report("library default (no)", clients, runOnLibraryDefault(clients, seconds));
      report("durable (group commit)", clients, runOnEmbeddedMongo(clients, seconds));
    }
  }

  private static void report(String variant, int clients, double perSecond) {
    System.out.printf(Locale.ROOT, "%-23s %8d %10.0f%n", variant, clients, perSecond);
  }

  private static double runOnLibraryDefault(int clients, int seconds) throws Exception {
    Path dataDir = Files.createTempDirectory("benchmark-default");
    MongoServer server = new MongoServer(new H2Backend(MVStore.open(dataDir.resolve("tasks.mv.db").toString())));
    server.bind(new InetSocketAddress("127.0.0.1", 0));
    try {
      return measure("mongodb://127.0.0.1:" + server.getLocalAddress().getPort(), clients, seconds);
    } finally {
      server.shutdownNow();
    }
  }

  private static double runOnEmbeddedMongo(int clients, int seconds) throws Exception {
    try (EmbeddedMongo server = EmbeddedMongo.start(Files.createTempDirectory("benchmark-durable"), 0)) {
      return measure(server.uri(), clients, seconds);
    }
  }

  private static double measure(String uri, int clients, int seconds) throws Exception {
    try (MongoClient client = TestServers.clientOf(uri)) {
      TaskStore store = MongoTaskStore.open(client.getDatabase("TaskManager"));
      for (int i = 0; i < WARM_UP_CREATES; i++) {
        store.create(aTask().titled("warm-up").build());
      }
      AtomicLong created = new AtomicLong();
      long end = System.nanoTime() + seconds * 1_000_000_000L;
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      try {
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
          running.add(pool.submit(() -> {
            while (System.nanoTime() < end) {
              store.create(aTask().titled("benchmark").describedAs("a task of usual size").withPriority(3).build());
              created.incrementAndGet();
            }
          }));
        }
        for (Future<?> run : running) {
          run.get();
        }
        return created.get() / ((System.nanoTime() - start) / 1e9);
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
