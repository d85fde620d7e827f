package dev.taskmanager.mongo.backup;

import static dev.taskmanager.core.contract.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.taskmanager.core.account.ApiToken;
import dev.taskmanager.core.account.InvalidAccountException;
import dev.taskmanager.core.account.Role;
import dev.taskmanager.core.account.Scope;
import dev.taskmanager.core.account.User;
import dev.taskmanager.core.model.TaskDraft;
import dev.taskmanager.core.model.TaskStoreException;
import dev.taskmanager.mongo.adapter.DeletedTasks;
import dev.taskmanager.mongo.adapter.IdSequence;
import dev.taskmanager.mongo.adapter.MongoTaskStore;
import dev.taskmanager.mongo.adapter.MongoTokenStore;
import dev.taskmanager.mongo.adapter.MongoUserStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups taken and restored through the driver, as the CLI does, on every server a subclass gives
 * (MongoStoreContract runs it as a nested class on each server its own subclasses start):
 * each test works in a database of its own, dropped after it.
 */
public abstract class MongoBackupsContract {

  @TempDir
  Path folder;

  private static int databases;

  private MongoDatabase database;
  private MongoTaskStore store;
  private MongoBackups backups;

  /** The server's client, connected once for the class. */
  protected abstract MongoClient client();

  @BeforeEach
  void freshDatabase() {
    database = client().getDatabase("TaskManagerBackupContract" + databases++);
    database.drop();
    store = MongoTaskStore.open(database);
    backups = new MongoBackups(database, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void dropDatabase() {
    database.drop();
  }

  @Test
  void aRestoreBringsBackEveryDocumentAsItWasUnknownFieldsAndTypesIncluded() throws IOException {
    store.create(new TaskDraft("Pay rent", "by transfer", 5, LocalDate.of(2026, 12, 24), List.of("home", "money")), NOW);
    store.create(new TaskDraft("Call Sam"), NOW);
    store.delete(store.create(new TaskDraft("Old reminder"), NOW).id(), NOW);
    // As the tutorial app wrote it: an int32 id, no priority; and a field another program added.
    database.getCollection(MongoTaskStore.TASKS).insertOne(new Document("id", 40).append("title", "Legacy")
        .append("shortdesc", "").append("colour", "red"));
    new IdSequence(database.getCollection(MongoTaskStore.SETTINGS)).moveToAtLeast(41);
    Map<String, List<BsonDocument>> before = contents();
    Path file = folder.resolve("tasks.backup.jsonl.gz");

    BackupHeader written = backups.backup(file);
    store.create(new TaskDraft("Created after the backup"), NOW);
    store.delete(0, NOW);
    database.getCollection(MongoTaskStore.TASKS).updateOne(new Document("id", 40), new Document("$unset",
        new Document("colour", "")));
    BackupHeader restored = backups.restore(file);

    assertThat(restored).isEqualTo(written);
    assertThat(written.count(MongoTaskStore.TASKS)).isEqualTo(3);
    assertThat(written.count(DeletedTasks.COLLECTION)).isEqualTo(1);
    assertThat(written.createdAt()).isEqualTo(NOW);
    Map<String, List<BsonDocument>> after = contents();
    assertThat(after.get(MongoTaskStore.TASKS)).isEqualTo(before.get(MongoTaskStore.TASKS));
    assertThat(after.get(DeletedTasks.COLLECTION)).isEqualTo(before.get(DeletedTasks.COLLECTION));
    // The sequence stays where the task created after the backup left it: 41 is never handed out again.
    assertThat(after.get(MongoTaskStore.SETTINGS)).singleElement()
        .satisfies(sequence -> assertThat(sequence.getInt64("value").getValue()).isEqualTo(42));
    assertThat(written.sequence()).isEqualTo(41);
    assertThat(database.listCollectionNames().into(new ArrayList<>())).noneMatch(name -> name.startsWith("restoring_"))
        .doesNotContain(InterruptedRestore.JOURNAL);
  }

  @Test
  void theSequenceNeverGoesBackSoNoIdIsHandedOutTwice() {
    store.create(new TaskDraft("First"), NOW);
    Path file = folder.resolve("one.backup.jsonl.gz");
    backups.backup(file);
    for (int i = 0; i < 5; i++) {
      store.create(new TaskDraft("Later " + i), NOW);
    }

    backups.restore(file);

    assertThat(store.count()).isEqualTo(1);
    assertThat(store.create(new TaskDraft("After the restore"), NOW).id()).isEqualTo(6);
  }

  @Test
  void aRestoreKeepsTheIndexesTheStoreQueriesWith() {
    store.create(new TaskDraft("Indexed"), NOW);
    MongoUserStore.open(database);
    MongoTokenStore.open(database);
    Set<Document> indexesBefore = indexKeys();
    Path file = folder.resolve("indexes.backup.jsonl.gz");
    backups.backup(file);

    backups.restore(file);

    assertThat(indexKeys()).isEqualTo(indexesBefore);
  }

  @Test
  void usersAndTokensComeBackWithTheirHashesAndStayUnique() {
    MongoUserStore users = MongoUserStore.open(database);
    MongoTokenStore tokens = MongoTokenStore.open(database);
    users.add(User.added("ann", Role.ADMIN, "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$YW5u", NOW));
    users.add(User.added("bob", Role.VIEWER, "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$Ym9i", NOW));
    tokens.add(new ApiToken("0123456789ab", "bob", Scope.READ, "ab".repeat(32), NOW, Optional.empty(), Optional.empty()));
    Map<String, List<BsonDocument>> before = contents();
    Path file = folder.resolve("users.backup.jsonl.gz");
    BackupHeader written = backups.backup(file);
    users.remove("bob");
    tokens.revokeAllOf("bob");
    users.setRole("ann", Role.VIEWER);
    users.add(User.added("eve", Role.ADMIN, "$argon2id$eve", NOW));
    // Even where they were never opened: the restored ones keep their unique indexes.
    database.getCollection(MongoUserStore.COLLECTION).drop();
    database.getCollection(MongoTokenStore.COLLECTION).drop();

    backups.restore(file);

    assertThat(written.count(MongoUserStore.COLLECTION)).isEqualTo(2);
    assertThat(written.count(MongoTokenStore.COLLECTION)).isEqualTo(1);
    assertThat(contents().get(MongoUserStore.COLLECTION)).isEqualTo(before.get(MongoUserStore.COLLECTION));
    assertThat(contents().get(MongoTokenStore.COLLECTION)).isEqualTo(before.get(MongoTokenStore.COLLECTION));
    assertThat(tokens.find("0123456789ab")).isPresent();
    assertThatThrownBy(() -> tokens.add(new ApiToken("0123456789ab", "ann", Scope.WRITE, "cd".repeat(32), NOW,
        Optional.empty(), Optional.empty()))).isInstanceOf(TaskStoreException.class);
    assertThat(users.list()).extracting(User::name, User::role)
        .containsExactly(tuple("ann", Role.ADMIN), tuple("bob", Role.VIEWER));
    assertThatThrownBy(() -> users.add(User.added("ann", Role.VIEWER, "$argon2id$again", NOW)))
        .isInstanceOf(InvalidAccountException.class);
  }

  @Test
  void aBackupWrittenBeforeThereWereUsersLeavesTheUsersAsTheyAre() throws IOException {
    store.create(new TaskDraft("In the backup"), NOW);
    Path file = folder.resolve("now.backup.jsonl.gz");
    backups.backup(file);
    // As this program wrote it before users existed: its header counts no users.
    Path older = folder.resolve("older.backup.jsonl.gz");
    Files.write(older, gzip(resealed(replaced(replaced(lines(file), 0, ", \"users\": 0, \"api_tokens\": 0", ""), 0,
        "\"version\": 3", "\"version\": 1"))));
    MongoUserStore users = MongoUserStore.open(database);
    users.add(User.added("ann", Role.ADMIN, "$argon2id$ann", NOW));
    store.create(new TaskDraft("After the backup"), NOW);

    BackupHeader restored = backups.restore(older);

    assertThat(restored.version()).isEqualTo(1);
    assertThat(restored.counts()).doesNotContainKey(MongoUserStore.COLLECTION);
    assertThat(store.count()).isEqualTo(1);
    assertThat(users.list()).extracting(User::name).containsExactly("ann");
  }

  @Test
  void aBackupWrittenWhenThereWereUsersButNoTokensLeavesNoToken() throws IOException {
    MongoUserStore users = MongoUserStore.open(database);
    users.add(User.added("ann", Role.ADMIN, "$argon2id$ann", NOW));
    Path file = folder.resolve("now.backup.jsonl.gz");
    backups.backup(file);
    // As the version with users and without tokens wrote it: format 2, no tokens counted.
    Path format2 = folder.resolve("format2.backup.jsonl.gz");
    Files.write(format2, gzip(resealed(replaced(replaced(lines(file), 0, ", \"api_tokens\": 0", ""), 0,
        "\"version\": 3", "\"version\": 2"))));
    users.add(User.added("bob", Role.ADMIN, "$argon2id$bob", NOW));
    MongoTokenStore tokens = MongoTokenStore.open(database);
    tokens.add(new ApiToken("0123456789ab", "bob", Scope.WRITE, "ab".repeat(32), NOW, Optional.empty(), Optional.empty()));

    BackupHeader restored = backups.restore(format2);

    assertThat(restored.version()).isEqualTo(2);
    assertThat(restored.count(MongoTokenStore.COLLECTION)).isZero();
    assertThat(users.list()).extracting(User::name).containsExactly("ann");
    assertThat(tokens.list()).isEmpty();
  }

  @Test
  void aCheckReadsTheHeaderAndChangesNothing() {
    store.create(new TaskDraft("Kept"), NOW);
    Path file = folder.resolve("check.backup.jsonl.gz");
    backups.backup(file);
    store.create(new TaskDraft("Not in the backup"), NOW);

    BackupHeader header = MongoBackups.check(file);

    assertThat(header.count(MongoTaskStore.TASKS)).isEqualTo(1);
    assertThat(header.sequence()).isEqualTo(1);
    assertThat(header.database()).isEqualTo(database.getName());
    assertThat(store.count()).isEqualTo(2);
  }

  @Test
  void junkCutShortAndChangedFilesAreRefusedAndTheStoreIsLeftAsItWas() throws IOException {
    for (int i = 0; i < 30; i++) {
      store.create(new TaskDraft("Task " + i, "", i), NOW);
    }
    Path good = folder.resolve("good.backup.jsonl.gz");
    backups.backup(good);
    store.create(new TaskDraft("Only in the store"), NOW);
    Map<String, List<BsonDocument>> before = contents();
    List<String> lines = lines(good);
    byte[] compressed = Files.readAllBytes(good);

    Map<String, byte[]> bad = new TreeMap<>();
    bad.put("empty", new byte[0]);
    bad.put("plain text", "not a backup\n".getBytes(StandardCharsets.UTF_8));
    bad.put("another gzip file", gzip(List.of("hello, world")));
    bad.put("cut in the compressed data", java.util.Arrays.copyOf(compressed, compressed.length / 2));
    bad.put("without its end line", gzip(lines.subList(0, lines.size() - 1)));
    bad.put("a title changed", gzip(replaced(lines, 5, "Task ", "Tusk ")));
    bad.put("a count changed", gzip(replaced(lines, 0, "\"tasks\": 30", "\"tasks\": 29")));
    bad.put("a line dropped", gzip(without(lines, 3)));
    bad.put("a line after the end", gzip(with(lines, "{\"collection\": \"tasks\", \"document\": {\"id\": 99}}")));
    bad.put("a newer format", gzip(replaced(lines, 0, "\"version\": 3", "\"version\": 4")));
    // Changed and the checksum made again: the other checks still hold.
    bad.put("resealed with a count changed", gzip(resealed(replaced(lines, 0, "\"tasks\": 30", "\"tasks\": 29"))));
    bad.put("resealed with an id twice", gzip(resealed(replaced(lines, 2, "\"id\": {\"$numberLong\": \"1\"}",
        "\"id\": {\"$numberLong\": \"0\"}"))));
    bad.put("resealed with a sequence behind", gzip(resealed(replaced(lines, 0, "\"sequence\": 30", "\"sequence\": 3"))));
    Map<String, String> messages = new TreeMap<>();
    for (Map.Entry<String, byte[]> file : bad.entrySet()) {
      Path path = folder.resolve(file.getKey().replace(' ', '-') + ".gz");
      Files.write(path, file.getValue());
      assertThatThrownBy(() -> backups.restore(path)).describedAs(file.getKey())
          .isInstanceOf(BackupFileException.class).hasMessageStartingWith(path + ": ").hasMessageEndingWith("; nothing was changed");
      try {
        MongoBackups.check(path);
      } catch (BackupFileException refused) {
        messages.put(file.getKey(), refused.getMessage().substring(path.toString().length() + 2));
      }
    }

    assertThat(contents()).isEqualTo(before);
    assertThat(messages).containsEntry("empty", "it is empty (0 bytes); nothing was changed")
        .containsEntry("plain text", "it is not a backup: not gzip-compressed data (a backup is what task backup writes); nothing was changed")
        .containsEntry("another gzip file", "line 1 is not a JSON object of a backup; nothing was changed")
        .containsEntry("without its end line", "it is cut short: it stops after line 32, before its end line (was it copied whole?); nothing was changed")
        .containsEntry("a title changed", "its checksum does not match its contents: it was changed or damaged after task backup wrote it; nothing was changed")
        .containsEntry("a count changed", "its checksum does not match its contents: it was changed or damaged after task backup wrote it; nothing was changed")
        .containsEntry("a line after the end", "it goes on after its end line (line 33); nothing was changed")
        .containsEntry("a newer format", "it is in backup format 4, and this program reads formats 1 to 3 (it was written by a newer version); nothing was changed");
    assertThat(messages).containsEntry("resealed with a count changed", "its header counts 29 documents in tasks, and it holds 30;"
            + " nothing was changed")
        .containsEntry("resealed with an id twice", "two of its tasks have the id 0; nothing was changed")
        .containsEntry("resealed with a sequence behind", "its header gives the id sequence as 3, and its settings as 30;"
            + " nothing was changed");
    assertThat(messages.get("cut in the compressed data")).matches("it is cut short: the compressed data stops after line \\d+ .*"
        + "|its compressed data is damaged after line \\d+; nothing was changed");
    assertThat(messages.get("a line dropped")).startsWith("its checksum does not match");
  }

  @Test
  void aRestoreStoppedAfterItsCommitIsFinishedByTheNextProgramToOpenTheStore() {
    store.create(new TaskDraft("Live"), NOW);
    // As a restore leaves the database when it is killed just after writing its journal, with the
    // tasks already renamed into place but not the deleted ones; the journal as the version before
    // users wrote it, naming the tasks and the deleted tasks only.
    List<String> staging = InterruptedRestore.stagingNames("killed", List.of(MongoTaskStore.TASKS,
        DeletedTasks.COLLECTION));
    database.getCollection(MongoTaskStore.TASKS).drop();
    database.getCollection(MongoTaskStore.TASKS).insertOne(new Document("id", 7L).append("title", "From the backup"));
    database.getCollection(staging.get(1)).insertOne(new Document("id", 3L).append("title", "Deleted in the backup"));
    InterruptedRestore.commit(database, staging, 9, NOW, NOW);

    boolean finished = InterruptedRestore.finish(database);
    boolean again = InterruptedRestore.finish(database);

    assertThat(finished).isTrue();
    assertThat(again).isFalse();
    assertThat(database.getCollection(MongoTaskStore.TASKS).find().map(task -> task.getString("title"))
        .into(new ArrayList<>())).containsExactly("From the backup");
    assertThat(database.getCollection(DeletedTasks.COLLECTION).find().map(task -> task.getString("title"))
        .into(new ArrayList<>())).containsExactly("Deleted in the backup");
    assertThat(MongoTaskStore.open(database).nextId()).isEqualTo(9);
    assertThat(database.listCollectionNames().into(new ArrayList<>())).noneMatch(name -> name.startsWith("restoring_"))
        .doesNotContain(InterruptedRestore.JOURNAL);
  }

  @Test
  void aJournalNamingACollectionNoRestoreReplacesIsRefusedAndTouchesNothing() {
    store.create(new TaskDraft("Live"), NOW);
    InterruptedRestore.commit(database, List.of("restoring_killed_settings"), 9, NOW, NOW);

    assertThatThrownBy(() -> InterruptedRestore.finish(database)).isInstanceOf(TaskStoreException.class)
        .hasMessage("the journal of an interrupted restore (restore_journal) names restoring_killed_settings, which"
            + " replaces no collection a restore replaces; check it, then drop restore_journal");
    assertThat(database.getCollection(MongoTaskStore.SETTINGS).countDocuments()).isEqualTo(1);
  }

  @Test
  void aBackupWithAUserThatIsNoUserOrTwoOfTheSameNameIsRefused() throws IOException {
    MongoUserStore users = MongoUserStore.open(database);
    users.add(User.added("ann", Role.ADMIN, "$argon2id$ann", NOW));
    users.add(User.added("bob", Role.VIEWER, "$argon2id$bob", NOW));
    Path good = folder.resolve("users.backup.jsonl.gz");
    backups.backup(good);
    List<String> lines = lines(good);
    int ann = lines.size() - 3;
    assertThat(lines.get(lines.size() - 2)).contains("\"collection\": \"users\"");
    assertThat(lines.get(ann)).contains("\"name\": \"ann\"");

    Path badRole = folder.resolve("bad-role.gz");
    Files.write(badRole, gzip(resealed(replaced(lines, ann, "\"role\": \"admin\"", "\"role\": \"root\""))));
    Path twice = folder.resolve("twice.gz");
    Files.write(twice, gzip(resealed(replaced(lines, ann + 1, "\"name\": \"bob\"", "\"name\": \"ann\""))));
    users.remove("bob");

    assertThatThrownBy(() -> backups.restore(badRole)).hasMessage(badRole + ": line " + (ann + 1)
        + " holds no user: role of ann is \"root\", not viewer, editor or admin; nothing was changed");
    assertThatThrownBy(() -> backups.restore(twice)).hasMessage(twice + ": two of its users are named ann; nothing was"
        + " changed");
    assertThat(users.list()).extracting(User::name).containsExactly("ann");
  }

  @Test
  void aRestoreStoppedBeforeItsCommitLeavesTheLiveCollectionsAlone() {
    store.create(new TaskDraft("Live"), NOW);
    database.getCollection(InterruptedRestore.stagingNames("killed", InterruptedRestore.RESTORED).get(0)).insertOne(new Document("id", 7L)
        .append("title", "Staged"));

    assertThat(InterruptedRestore.finish(database)).isFalse();

    assertThat(database.getCollection(MongoTaskStore.TASKS).find().map(task -> task.getString("title"))
        .into(new ArrayList<>())).containsExactly("Live");
  }

  /** Every document of the backed-up collections, without the order the store keeps them in. */
  private Map<String, List<BsonDocument>> contents() {
    Map<String, List<BsonDocument>> contents = new TreeMap<>();
    for (String collection : BackupFormat.COLLECTIONS) {
      List<BsonDocument> documents = database.getCollection(collection, BsonDocument.class).find().into(new ArrayList<>());
      documents.sort(java.util.Comparator.comparing(document -> document.get("_id").toString()));
      contents.put(collection, documents);
    }
    return contents;
  }

  private Set<Document> indexKeys() {
    Set<Document> keys = new HashSet<>();
    for (String collection : InterruptedRestore.RESTORED) {
      database.getCollection(collection).listIndexes().forEach(index -> keys.add(new Document("collection", collection)
          .append("key", index.get("key")).append("unique", index.get("unique"))));
    }
    return keys;
  }

  private static List<String> lines(Path file) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  private static byte[] gzip(List<String> lines) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      for (String line : lines) {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    return bytes.toByteArray();
  }

  private static List<String> replaced(List<String> lines, int index, String from, String to) {
    List<String> changed = new ArrayList<>(lines);
    assertThat(changed.get(index)).contains(from);
    changed.set(index, changed.get(index).replace(from, to));
    return changed;
  }

  /** The lines with their end line made again over what they now hold, as someone rewriting a backup would. */
  private static List<String> resealed(List<String> lines) {
    java.security.MessageDigest digest = BackupFile.sha256();
    for (String line : lines.subList(0, lines.size() - 1)) {
      digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
    List<String> changed = new ArrayList<>(lines);
    changed.set(lines.size() - 1, lines.get(lines.size() - 1).replaceAll("\"sha256\": \"[0-9a-f]+\"",
        "\"sha256\": \"" + java.util.HexFormat.of().formatHex(digest.digest()) + "\""));
    return changed;
  }

  private static List<String> without(List<String> lines, int index) {
    List<String> changed = new ArrayList<>(lines);
    changed.remove(index);
    return changed;
  }

  private static List<String> with(List<String> lines, String extra) {
    List<String> changed = new ArrayList<>(lines);
    changed.add(extra);
    return changed;
  }
}
