package dev.taskmanager.embeddedmongo.storage;

import java.time.Instant;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The H2 file's format, recorded in the file: which version of this engine's layout it has, and
 * how its documents' keys are encoded. See the module's README for what each version holds.
 *
 * <ul>
 *   <li>0: the library's own layout (everything in H2's default type, Java serialization).
 *   <li>1: documents and the library's unique indexes in BSON ({@link BsonDataType}); keys in BSON when
 *       the file was begun that way ({@code keys: bson-1}), in H2's default type when it was older.
 *   <li>2: as 1, and every index an ordered map of byte keys ({@code <db>.<collection>._ordered_index_
 *       <name>}); the library's index maps ({@code ._index_<name>}) are gone.
 * </ul>
 *
 * Versions 0 and 1 were recorded under the name their first user gave the record, which this class
 * reads to recognize such files; opening one converts it to version 2 by building its indexes anew.
 *
 * <p>The record is a map whose name has no dot, so no database's drop (which removes the maps named
 * {@code <database>.…}) can take it.
 */
public final class FileFormat {

  /** The version this engine writes. */
  public static final int CURRENT = 2;

  private static final String MAP_NAME = "embedded-mongo-format";
  /** Where versions 0 and 1 recorded their key encoding. */
  private static final String LEGACY_MAP_NAME = "taskmanager-storage-format";
  private static final String VERSION = "version";
  private static final String KEYS = "keys";
  private static final String BSON_KEYS = "bson-1";
  private static final String JAVA_KEYS = "java-serialization";
  private static final String OPENED = "opened";

  private final int version;
  private final boolean bsonKeys;

  private FileFormat(int version, boolean bsonKeys) {
    this.version = version;
    this.bsonKeys = bsonKeys;
  }

  /**
   * Reads the file's format; a file with nothing in it yet is recorded as the current version with
   * BSON keys.
   *
   * @throws IllegalStateException when a newer engine wrote the file
   */
  public static FileFormat of(MVStore mvStore) {
    if (mvStore.getMapNames().isEmpty()) {
      MVMap<String, Object> record = mvStore.openMap(MAP_NAME);
      record.put(VERSION, CURRENT);
      record.put(KEYS, BSON_KEYS);
      return new FileFormat(CURRENT, true);
    }
    if (mvStore.hasMap(MAP_NAME)) {
      MVMap<String, Object> record = mvStore.openMap(MAP_NAME);
      int version = ((Number) record.getOrDefault(VERSION, CURRENT)).intValue();
      if (version > CURRENT) {
        throw new IllegalStateException("the data file is in format " + version
            + ", written by a newer version; this version reads formats up to " + CURRENT);
      }
      return new FileFormat(version, BSON_KEYS.equals(record.get(KEYS)));
    }
    if (mvStore.hasMap(LEGACY_MAP_NAME)) {
      MVMap<String, String> legacy = mvStore.openMap(LEGACY_MAP_NAME);
      return new FileFormat(1, BSON_KEYS.equals(legacy.get(KEYS)));
    }
    return new FileFormat(0, false);
  }

  public int version() {
    return version;
  }

  public boolean isCurrent() {
    return version == CURRENT;
  }

  /** Whether the documents' keys are BSON; otherwise they are in H2's default type. */
  public boolean hasBsonKeys() {
    return bsonKeys;
  }

  /**
   * Records the time of this opening and, once the indexes are in the current layout, the current
   * version; then commits. A file that cannot be written (a full disk, a read-only one) fails here,
   * at start-up, with its reason, rather than at the first write a client makes.
   *
   * @throws org.h2.mvstore.MVStoreException when the file cannot be written
   */
  public FileFormat recordOpening(MVStore mvStore) {
    MVMap<String, Object> record = mvStore.openMap(MAP_NAME);
    record.put(VERSION, CURRENT);
    record.put(KEYS, bsonKeys ? BSON_KEYS : JAVA_KEYS);
    record.put(OPENED, Instant.now().toString());
    mvStore.removeMap(LEGACY_MAP_NAME);
    mvStore.commit();
    return new FileFormat(CURRENT, bsonKeys);
  }
}
