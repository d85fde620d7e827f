package dev.taskmanager.embeddedmongo.index;

import de.bwaldvogel.mongo.bson.Document;
import dev.taskmanager.embeddedmongo.index.IndexBounds.Interval;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * How a query is answered: a scan of one index over key ranges, in a direction, or a scan of the
 * whole collection. {@link #positions} reads the index lazily, so a caller that stops after a page
 * reads no further; each document's position comes once, even from a multikey index.
 */
public final class QueryPlan {

  /** What a scan read, for explain. Not thread-safe: one per execution. */
  public static final class Counts {
    long keysExamined;
    long docsExamined;

    public void documentExamined() {
      docsExamined++;
    }

    public void documentsExamined(long documents) {
      docsExamined += documents;
    }

    public long keysExamined() {
      return keysExamined;
    }

    public long docsExamined() {
      return docsExamined;
    }
  }

  private final OrderedIndex index;
  private final List<Interval> intervals;
  private final boolean backward;
  private final boolean servesSort;
  private final long estimatedKeys;

  QueryPlan(OrderedIndex index, List<Interval> intervals, boolean backward, boolean servesSort, long estimatedKeys) {
    this.index = index;
    this.intervals = intervals;
    this.backward = backward;
    this.servesSort = servesSort;
    this.estimatedKeys = estimatedKeys;
  }

  /** @param servesSort whether the query has no sort, so the scan's order will do */
  static QueryPlan collectionScan(boolean servesSort) {
    return new QueryPlan(null, List.of(), false, servesSort, 0);
  }

  public boolean usesIndex() {
    return index != null;
  }

  /** Whether the positions come in the query's sort order (or the query has none). */
  public boolean servesSort() {
    return servesSort;
  }

  public OrderedIndex index() {
    return index;
  }

  /** The positions of the documents in the ranges, in scan order, each once. */
  public Iterator<Object> positions(Counts counts) {
    if (index == null) {
      throw new IllegalStateException("a collection scan reads the documents, not an index");
    }
    return new Scan(index.entries(), backward ? reversed(intervals) : intervals, backward, index.isAnyMultikey(), counts);
  }

  /** The plan as MongoDB's explain shows a winning plan. */
  public Document explain() {
    Document scan;
    if (index == null) {
      scan = new Document("stage", "COLLSCAN").append("direction", "forward");
    } else {
      Document indexScan = new Document("stage", "IXSCAN")
          .append("keyPattern", index.keyPattern())
          .append("indexName", index.getName())
          .append("isMultiKey", index.isAnyMultikey())
          .append("isUnique", index.isUnique())
          .append("isSparse", index.isSparse())
          .append("direction", backward ? "backward" : "forward")
          .append("keyRanges", intervals.size())
          .append("estimatedKeys", estimatedKeys);
      scan = new Document("stage", "FETCH").append("inputStage", indexScan);
    }
    return servesSort ? scan : new Document("stage", "SORT").append("inputStage", scan);
  }

  private static List<Interval> reversed(List<Interval> intervals) {
    Interval[] reversed = intervals.toArray(new Interval[0]);
    for (int i = 0; i < reversed.length / 2; i++) {
      Interval swap = reversed[i];
      reversed[i] = reversed[reversed.length - 1 - i];
      reversed[reversed.length - 1 - i] = swap;
    }
    return Arrays.asList(reversed);
  }

  /** Walks the ranges one after the other, reading the map's entries in them. */
  private static final class Scan implements Iterator<Object> {
    private final MVMap<byte[], Object> entries;
    private final Iterator<Interval> ranges;
    private final boolean backward;
    private final Set<Object> seen;
    private final Counts counts;
    private Interval range;
    private Cursor<byte[], Object> cursor;
    private Object next;

    Scan(MVMap<byte[], Object> entries, List<Interval> ranges, boolean backward, boolean multikey, Counts counts) {
      this.entries = entries;
      this.ranges = ranges.iterator();
      this.backward = backward;
      this.seen = multikey ? new HashSet<>() : null;
      this.counts = counts;
    }

    @Override
    public boolean hasNext() {
      while (next == null) {
        if (cursor == null) {
          if (!ranges.hasNext()) {
            return false;
          }
          range = ranges.next();
          cursor = backward
              ? entries.cursor(range.high(), null, true)
              : entries.cursor(range.low(), null, false);
        }
        if (!cursor.hasNext()) {
          cursor = null;
          continue;
        }
        byte[] key = cursor.next();
        if (backward && range.high() != null && Arrays.compareUnsigned(key, range.high()) >= 0) {
          continue;
        }
        if (backward ? Arrays.compareUnsigned(key, range.low()) < 0
            : range.high() != null && Arrays.compareUnsigned(key, range.high()) >= 0) {
          cursor = null;
          continue;
        }
        counts.keysExamined++;
        Object position = cursor.getValue();
        if (seen == null || seen.add(position)) {
          next = position;
        }
      }
      return true;
    }

    @Override
    public Object next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Object position = next;
      next = null;
      return position;
    }
  }
}
