package dev.taskmanager.mongo.backup;

import dev.taskmanager.mongo.adapter.DeletedTasks;
import dev.taskmanager.mongo.adapter.MongoTaskStore;
import dev.taskmanager.mongo.adapter.MongoTokenStore;
import dev.taskmanager.mongo.adapter.MongoUserStore;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * The backup file, format version 3: gzip-compressed UTF-8 text, one JSON object per line.
 *
 * <pre>
 * {"format": "task-manager-backup", "version": 3, "created_at": "2026-12-24T03:00:00Z",
 *  "database": "TaskManager", "counts": {"tasks": 2, "deleted_tasks": 0, "settings": 1, "users": 1,
 *  "api_tokens": 0}, "sequence": 2}
 * {"collection": "tasks", "document": {"_id": {"$oid": "…"}, "id": {"$numberLong": "0"}, "title": "…", …}}
 * {"collection": "tasks", "document": {…}}
 * {"collection": "settings", "document": {"_id": {"$oid": "…"}, "name": "task_id", "value": {"$numberLong": "2"}}}
 * {"collection": "users", "document": {"_id": {"$oid": "…"}, "name": "ann", "role": "admin", …}}
 * {"end": "task-manager-backup", "documents": 4, "sha256": "9f86d0…"}
 * </pre>
 *
 * Each document is stored whole, fields the app does not know included, in MongoDB's canonical
 * Extended JSON, which keeps every BSON type as it was (an int32 id stays int32). The last line's
 * checksum is SHA-256 over the bytes of every line before it, newlines included; {@code documents}
 * counts the document lines. A collection the header does not count (the users and tokens, in a
 * file written before there were any) is not in the backup: a restore leaves it as it is.
 */
final class BackupFormat {

  static final String FORMAT = "task-manager-backup";
  /**
   * 2 added the users, 3 their API tokens. Format 1 files hold neither, and restoring one leaves
   * both alone; format 2 files hold users and no tokens, which restoring one leaves none of (there
   * were none when it was written).
   */
  static final int VERSION = 3;

  /** The collections a backup holds (in what order it reads them, and why: {@code MongoBackups.Snapshot}). */
  static final List<String> COLLECTIONS = List.of(MongoTaskStore.TASKS, DeletedTasks.COLLECTION, MongoTaskStore.SETTINGS,
      MongoUserStore.COLLECTION, MongoTokenStore.COLLECTION);

  static final String FORMAT_FIELD = "format";
  static final String VERSION_FIELD = "version";
  static final String CREATED_AT = "created_at";
  static final String DATABASE = "database";
  static final String COUNTS = "counts";
  static final String SEQUENCE = "sequence";
  static final String COLLECTION = "collection";
  static final String DOCUMENT = "document";
  static final String END = "end";
  static final String DOCUMENTS = "documents";
  static final String SHA256 = "sha256";

  /** For documents: every BSON type kept. */
  static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
  /** For the header and the end line: plain numbers, for people reading them. */
  static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

  private BackupFormat() {}

  /** The line that holds one document of a collection. */
  static String documentLine(String collection, BsonDocument document) {
    return new BsonDocument(COLLECTION, new BsonString(collection)).append(DOCUMENT, document).toJson(CANONICAL);
  }
}
