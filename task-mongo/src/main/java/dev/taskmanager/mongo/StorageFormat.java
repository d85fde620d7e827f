package dev.taskmanager.mongo;

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

  private StorageFormat() {}

  /** Records, in a file with nothing in it yet, that its keys are BSON. */
  static void recordForNewFile(MVStore mvStore) {
    if (mvStore.getMapNames().isEmpty()) {
      mvStore.<String, String>openMap(MAP_NAME).put(KEYS, BSON_KEYS);
      mvStore.commit();
    }
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
