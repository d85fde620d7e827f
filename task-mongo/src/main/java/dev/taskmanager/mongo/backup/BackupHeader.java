package dev.taskmanager.mongo.backup;

import java.time.Instant;
import java.util.Map;

/**
 * What a backup file says of itself on its first line.
 *
 * @param version the format's version
 * @param createdAt when the backup began
 * @param database the database it was taken from
 * @param counts the documents of each collection in the file, by collection name
 * @param sequence the id sequence's value in the file: the next id the store was to hand out
 */
public record BackupHeader(int version, Instant createdAt, String database, Map<String, Long> counts, long sequence) {

  public BackupHeader {
    counts = Map.copyOf(counts);
  }

  /** The documents of this collection in the file. */
  public long count(String collection) {
    return counts.getOrDefault(collection, 0L);
  }
}
