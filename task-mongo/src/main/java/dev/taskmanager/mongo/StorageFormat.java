package dev.taskmanager.mongo;

import java.time.Instant;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Which encoding the H2 file's maps use, recorded in the file. Values are read in either encoding
 * ({@link BsonDataType}), but a map's keys are stored in the order of the type that wrote them, so
 * a file begun before keys were BSON keeps H2's default type for its keys.
 *
 * <p>The record is a map whose name has no dot, so no database's drop (which removes the maps named
 * {@code <database>.…}) can take it.
 */
final class StorageFormat {

  private static final String MAP_NAME = "taskmanager-storage-format";
  private static final String KEYS = "keys";
  private static final String BSON_KEYS = "bson-1";
  private static final String OPENED = "opened";

  private StorageFormat() {}

  /**
   * Records the time of this opening, and in a file with nothing in it yet that its keys are BSON,
   * and commits: a file that cannot be written (a full disk, a read-only one) fails here, at
   * start-up, with its reason, rather than at the first write a user makes.
   *
   * @throws org.h2.mvstore.MVStoreException when the file cannot be written
   */
  static void recordOpening(MVStore mvStore) {
    boolean newFile = mvStore.getMapNames().isEmpty();
    MVMap<String, String> record = mvStore.openMap(MAP_NAME);
    if (newFile) {
      record.put(KEYS, BSON_KEYS);
    }
    record.put(OPENED, Instant.now().toString());
    mvStore.commit();
  }

  /** Whether the file's keys are BSON; otherwise they are in H2's default type. */
  static boolean hasBsonKeys(MVStore mvStore) {
    if (!mvStore.hasMap(MAP_NAME)) {
      return false;
    }
    MVMap<String, String> format = mvStore.openMap(MAP_NAME);
    return BSON_KEYS.equals(format.get(KEYS));
  }
}
