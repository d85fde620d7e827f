package dev.taskmanager.embeddedmongo.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompactionTest {

  private static final int RETENTION_MILLIS = 50;

  @TempDir
  Path dir;

  @Test
  void shrinkingTheFileKeepsTheRetentionTimeTheStoreWasOpenedWith() throws Exception {
    MVStore store = new MVStore.Builder().fileName(dir.resolve("test.mv.db").toString()).autoCommitDisabled().open();
    try {
      store.setRetentionTime(RETENTION_MILLIS);
      MVMap<Integer, byte[]> map = store.openMap("items");
      for (int key = 0; key < 20_000; key++) {
        map.put(key, new byte[200]);
        if (key % 500 == 0) {
          store.commit();
        }
      }
      map.clear();
      map.put(0, new byte[200]);
      // Chunks older than the retention time, emptied some commits ago, are freed: the file is
      // mostly free space, so idle maintenance calls H2's compactFile, which sets the time to 0.
      Thread.sleep(2 * RETENTION_MILLIS);
      for (int i = 0; i < 10; i++) {
        map.put(i, new byte[200]);
        store.commit();
      }
      assertThat(store.getFillRate()).describedAs("percent of the file in use").isLessThan(40);

      AtomicLong now = new AtomicLong();
      Compaction compaction = new Compaction(store, now::get);
      now.addAndGet(Compaction.SETTLING_NANOS);
      compaction.step(false);

      assertThat(store.getFillRate())
          .describedAs("percent of the file in use after the step: under 40, so the step called compactFile")
          .isLessThan(40);
      assertThat(store.getRetentionTime()).isEqualTo(RETENTION_MILLIS);
    } finally {
      store.close();
    }
  }
}
