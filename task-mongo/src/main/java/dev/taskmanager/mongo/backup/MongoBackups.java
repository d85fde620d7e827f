package dev.taskmanager.mongo.backup;

import static dev.taskmanager.mongo.backup.BackupFormat.COLLECTIONS;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.taskmanager.mongo.adapter.DeletedTasks;
import dev.taskmanager.mongo.adapter.IdSequence;
import dev.taskmanager.mongo.adapter.MongoFailures;
import dev.taskmanager.mongo.adapter.MongoTaskStore;
import dev.taskmanager.mongo.adapter.MongoTokenStore;
import dev.taskmanager.mongo.adapter.MongoUserStore;
import dev.taskmanager.mongo.adapter.TaskDocuments;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;

/**
 * Backs up a task database to a file and restores one, while the app serves requests: the tasks,
 * the deleted tasks kept for undo and the id sequence, each document whole (see {@link
 * BackupFormat}). Works on any MongoDB the driver reaches: a real one or the embedded server.
 *
 * <p>A backup reads the collections one after the other, a page at a time, in an order that keeps
 * every task that moves meanwhile and puts the sequence past every task (see {@link Snapshot}). A
 * restore checks the whole file, loads it into staging collections beside the live ones, checks
 * their counts, and then commits by writing a journal document; from there it only goes forward
 * ({@link InterruptedRestore}), so a restore stopped at any point leaves the store as it was or,
 * once the next program opens the store, as the backup.
 */
public final class MongoBackups {

  /** Documents per read batch while backing up. */
  private static final int BATCH = 1_000;
  /**
   * Documents per insert while restoring: each insert is a commit on the embedded store, and fewer,
   * larger ones load faster (as for an import; each still ends well within the socket timeout).
   */
  private static final int INSERT_BATCH = 10_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final MongoDatabase database;
  private final Clock clock;

  public MongoBackups(MongoDatabase database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /**
   * How many documents each collection a backup holds has now, from the collections' metadata: a
   * counting query would make the embedded server, inside the app, hold every document at once.
   */
  public Map<String, Long> counts() {
    return MongoFailures.translate("counting the documents", () -> {
      Map<String, Long> counts = new LinkedHashMap<>();
      for (String collection : COLLECTIONS) {
        counts.put(collection, database.getCollection(collection).estimatedDocumentCount());
      }
      return counts;
    });
  }

  /**
   * Writes a backup of the database to {@code file}, replacing it if it exists: written beside it
   * under a temporary name, flushed to disk, then moved into place, so {@code file} is never half
   * written.
   *
   * @throws UncheckedIOException when the file cannot be written
   * @throws dev.taskmanager.core.model.TaskStoreException when the store fails
   */
  public BackupHeader backup(Path file) {
    Path target = file.toAbsolutePath();
    Path body = null;
    Path whole = null;
    try {
      body = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".body");
      whole = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
      // A restore stopped after its commit is finished first: a backup of half of one holds no moment.
      InterruptedRestore.finish(database);
      Instant createdAt = clock.instant();
      Map<String, Long> counts = new LinkedHashMap<>();
      long[] sequence = {0};
      try (LineWriter out = new LineWriter(body, null)) {
        MongoFailures.translate("reading the database for a backup", () -> {
          Snapshot snapshot = new Snapshot(out);
          snapshot.deleted();
          snapshot.tasks();
          snapshot.deleted();
          sequence[0] = snapshot.settings();
          snapshot.users();
          snapshot.tokens();
          counts.putAll(snapshot.counts);
        });
      }
      BackupHeader header = new BackupHeader(BackupFormat.VERSION, createdAt, database.getName(), counts, sequence[0]);
      MessageDigest digest = BackupFile.sha256();
      try (LineWriter out = new LineWriter(whole, digest);
          BufferedReader lines = new BufferedReader(new InputStreamReader(
              new GZIPInputStream(Files.newInputStream(body), 1 << 16), StandardCharsets.UTF_8))) {
        out.line(headerLine(header));
        long documents = 0;
        String line;
        while ((line = lines.readLine()) != null) {
          out.line(line);
          documents++;
        }
        out.end(endLine(documents, digest));
      }
      try (FileChannel channel = FileChannel.open(whole, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      // Read back as a restore reads it: a file that is there can be restored.
      BackupFile.read(whole, (collection, document) -> { });
      Files.move(whole, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      try (FileChannel folder = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
        folder.force(true);
      }
      return header;
    } catch (IOException | UncheckedIOException failed) {
      throw new UncheckedIOException(target + ": cannot be written (" + rootMessage(failed) + ")",
          failed instanceof IOException io ? io : ((UncheckedIOException) failed).getCause());
    } finally {
      deleteQuietly(body);
      deleteQuietly(whole);
    }
  }

  /**
   * Reads and checks the whole file, changing nothing.
   *
   * @throws BackupFileException when it is not a whole, unchanged backup this program reads
   */
  public static BackupHeader check(Path file) {
    return BackupFile.read(file, (collection, document) -> { });
  }

  /**
   * Replaces the database's tasks, deleted tasks, users, tokens and sequence with the backup's, whole
   * or not at all (users and tokens only when the backup holds them: one written before there were
   * any leaves them alone). The sequence never goes back: it ends at the backup's or where it was, whichever
   * is further, so no id handed out since the backup is handed out again.
   *
   * @throws BackupFileException when the file is not a whole, unchanged backup; nothing was changed
   * @throws dev.taskmanager.core.model.TaskStoreException when the store fails; a failure before
   *     the commit changed nothing, one after it is finished by the next program to open the store
   */
  public BackupHeader restore(Path file) {
    BackupHeader checked = check(file);
    return MongoFailures.translate("restoring a backup", () -> {
      InterruptedRestore.finish(database);
      dropLeftoverStaging();
      List<String> restored = InterruptedRestore.RESTORED.stream()
          .filter(collection -> checked.counts().containsKey(collection)).toList();
      // The unique indexes of users and tokens, which the staging copies take from the live
      // collections, exist even where no program has opened those yet.
      if (restored.contains(MongoUserStore.COLLECTION)) {
        MongoUserStore.open(database);
      }
      if (restored.contains(MongoTokenStore.COLLECTION)) {
        MongoTokenStore.open(database);
      }
      List<String> staging = InterruptedRestore.stagingNames(Long.toHexString(RANDOM.nextLong()), restored);
      Map<String, String> stagingOf = new LinkedHashMap<>();
      for (int i = 0; i < restored.size(); i++) {
        stagingOf.put(restored.get(i), staging.get(i));
        prepareStaging(restored.get(i), staging.get(i));
      }
      Loader loader = new Loader(stagingOf);
      try {
        BackupHeader header = BackupFile.read(file, loader);
        loader.flush();
        if (!header.equals(checked)) {
          throw new BackupFileException(file + ": it changed while it was being restored; nothing was changed");
        }
        for (Map.Entry<String, String> collection : stagingOf.entrySet()) {
          // From metadata, exact for a collection only this restore writes to.
          if (database.getCollection(collection.getValue()).estimatedDocumentCount() != header.count(collection.getKey())) {
            throw new BackupFileException(file + ": another restore started meanwhile and took its place; nothing"
                + " was changed (run one restore at a time)");
          }
        }
        InterruptedRestore.commit(database, staging, Math.max(header.sequence(), loader.largestId + 1),
            header.createdAt(), clock.instant());
      } catch (RuntimeException failed) {
        for (String collection : staging) {
          try {
            database.getCollection(collection).drop();
          } catch (RuntimeException alsoFailed) {
            failed.addSuppressed(alsoFailed);
          }
        }
        throw failed;
      }
      InterruptedRestore.finish(database);
      return checked;
    });
  }

  /** What a restore killed before its commit left behind: never live, never named by a journal. */
  private void dropLeftoverStaging() {
    for (String name : database.listCollectionNames()) {
      if (name.startsWith(InterruptedRestore.STAGING_PREFIX)) {
        database.getCollection(name).drop();
      }
    }
  }

  /**
   * An empty staging collection with the live collection's indexes, every option kept (the rename
   * keeps them), so the store's queries and its unique ids hold the moment it is in place.
   */
  private void prepareStaging(String live, String staging) {
    database.createCollection(staging);
    List<Document> indexes = new ArrayList<>();
    for (Document index : database.getCollection(live).listIndexes()) {
      if (!"_id_".equals(index.getString("name"))) {
        index.remove("ns");
        index.remove("v");
        indexes.add(index);
      }
    }
    if (!indexes.isEmpty()) {
      database.runCommand(new Document("createIndexes", staging).append("indexes", indexes));
    }
  }

  private static boolean isSequence(BsonDocument document) {
    return new BsonString(IdSequence.TASK_ID)
        .equals(document.get(IdSequence.NAME))
        && document.get(IdSequence.VALUE) != null
        && document.get(IdSequence.VALUE).isNumber();
  }

  private static String headerLine(BackupHeader header) {
    BsonDocument counts = new BsonDocument();
    for (String collection : COLLECTIONS) {
      counts.append(collection, new BsonInt64(header.count(collection)));
    }
    return new BsonDocument(BackupFormat.FORMAT_FIELD, new BsonString(BackupFormat.FORMAT))
        .append(BackupFormat.VERSION_FIELD, new BsonInt32(header.version()))
        .append(BackupFormat.CREATED_AT, new BsonString(header.createdAt().toString()))
        .append(BackupFormat.DATABASE, new BsonString(header.database()))
        .append(BackupFormat.COUNTS, counts)
        .append(BackupFormat.SEQUENCE, new BsonInt64(header.sequence()))
        .toJson(BackupFormat.RELAXED);
  }

  private static String endLine(long documents, MessageDigest digest) {
    return new BsonDocument(BackupFormat.END, new BsonString(BackupFormat.FORMAT))
        .append(BackupFormat.DOCUMENTS, new BsonInt64(documents))
        .append(BackupFormat.SHA256, new BsonString(HexFormat.of().formatHex(digest.digest())))
        .toJson(BackupFormat.RELAXED);
  }

  private static String rootMessage(Exception failed) {
    Throwable root = failed instanceof UncheckedIOException ? failed.getCause() : failed;
    return root.getMessage();
  }

  private static void deleteQuietly(Path path) {
    if (path != null) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException ignored) {
        // A temporary file left behind is named after the backup and starts with a dot.
      }
    }
  }

  /**
   * Reads the collections for a backup, writing each document as a line. Deleted tasks are read on
   * both sides of the tasks, each kept once: a task deleted meanwhile is copied aside before it
   * leaves the tasks, one brought back is put among the tasks before it leaves the deleted ones, so
   * either way the file has it. The sequence last: a task is stored after its id was taken, so the
   * sequence is past every task read before it.
   */
  private final class Snapshot {
    private final LineWriter out;
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Set<BsonValue> deletedSeen = new HashSet<>();

    Snapshot(LineWriter out) {
      this.out = out;
      COLLECTIONS.forEach(collection -> counts.put(collection, 0L));
    }

    /**
     * The tasks a page at a time in order of id, on the unique index, as export pages them: an
     * unpaged find would make the embedded server, inside the app, hold every task at once. A
     * document without a numeric id is no task the store can read, and is left out.
     */
    void tasks() {
      MongoCollection<BsonDocument> tasks = database.getCollection(MongoTaskStore.TASKS, BsonDocument.class);
      BsonValue after = new BsonInt64(Long.MIN_VALUE);
      while (true) {
        List<BsonDocument> batch = tasks.find(Filters.gt(TaskDocuments.ID, after))
            .sort(Sorts.ascending(TaskDocuments.ID)).limit(BATCH).into(new ArrayList<>());
        for (BsonDocument task : batch) {
          write(MongoTaskStore.TASKS, task);
        }
        if (batch.size() < BATCH) {
          return;
        }
        after = batch.get(batch.size() - 1).get(TaskDocuments.ID);
      }
    }

    /** The deleted tasks kept for undo (a few days' worth), each once however often it is read. */
    void deleted() {
      for (BsonDocument task : database.getCollection(DeletedTasks.COLLECTION, BsonDocument.class).find().batchSize(BATCH)) {
        if (deletedSeen.add(task.get("_id"))) {
          write(DeletedTasks.COLLECTION, task);
        }
      }
    }

    /** The settings, and the sequence's value among them. */
    long settings() {
      long sequence = 0;
      for (BsonDocument setting : database.getCollection(MongoTaskStore.SETTINGS, BsonDocument.class).find()) {
        write(MongoTaskStore.SETTINGS, setting);
        if (isSequence(setting)) {
          sequence = setting.get(IdSequence.VALUE).asNumber().longValue();
        }
      }
      return sequence;
    }

    /** The users, with their password hashes (the file is readable by its owner only). */
    void users() {
      for (BsonDocument user : database.getCollection(MongoUserStore.COLLECTION, BsonDocument.class).find()) {
        write(MongoUserStore.COLLECTION, user);
      }
    }

    /** The API tokens: their secrets' hashes, never the tokens. */
    void tokens() {
      for (BsonDocument token : database.getCollection(MongoTokenStore.COLLECTION, BsonDocument.class).find()) {
        write(MongoTokenStore.COLLECTION, token);
      }
    }

    private void write(String collection, BsonDocument document) {
      out.line(BackupFormat.documentLine(collection, document));
      counts.merge(collection, 1L, Long::sum);
    }
  }

  /** Inserts a restore's documents into the staging collections, a batch at a time. */
  private final class Loader implements BackupFile.Documents {
    private final Map<String, String> stagingOf;
    private final Map<String, List<BsonDocument>> batches = new LinkedHashMap<>();
    long largestId = -1;

    Loader(Map<String, String> stagingOf) {
      this.stagingOf = stagingOf;
      stagingOf.keySet().forEach(collection -> batches.put(collection, new ArrayList<>()));
    }

    @Override
    public void accept(String collection, BsonDocument document) {
      List<BsonDocument> batch = batches.get(collection);
      if (batch == null) {
        return;
      }
      BsonValue id = document.get(TaskDocuments.ID);
      if (id != null && id.isNumber()) {
        largestId = Math.max(largestId, id.asNumber().longValue());
      }
      batch.add(document);
      if (batch.size() == INSERT_BATCH) {
        insert(collection, batch);
      }
    }

    void flush() {
      batches.forEach((collection, batch) -> {
        if (!batch.isEmpty()) {
          insert(collection, batch);
        }
      });
    }

    private void insert(String collection, List<BsonDocument> batch) {
      database.getCollection(stagingOf.get(collection), BsonDocument.class).insertMany(batch);
      batch.clear();
    }
  }

  /** Gzip-compressed UTF-8 lines, each also fed to the digest when there is one. */
  private static final class LineWriter implements AutoCloseable {
    private final OutputStream out;
    private final MessageDigest digest;

    LineWriter(Path file, MessageDigest digest) throws IOException {
      this.out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), 1 << 16);
      this.digest = digest;
    }

    void line(String line) {
      byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
      if (digest != null) {
        digest.update(bytes);
      }
      write(bytes);
    }

    /** The last line, which the digest does not cover. */
    void end(String line) {
      write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private void write(byte[] bytes) {
      try {
        out.write(bytes);
      } catch (IOException failed) {
        throw new UncheckedIOException(failed);
      }
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
