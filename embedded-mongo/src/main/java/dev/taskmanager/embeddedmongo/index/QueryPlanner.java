package dev.taskmanager.embeddedmongo.index;

import de.bwaldvogel.mongo.bson.Document;
import dev.taskmanager.embeddedmongo.index.IndexBounds.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Chooses how to answer a query: which index to scan, over which ranges, in which direction, and
 * whether that order is the sort the query asks for — or a scan of the whole collection when no
 * index helps. Generic: it knows the indexes the clients created, nothing of what they hold.
 *
 * <p>Each index's ranges come from the filter ({@link IndexBounds}); its entries in them are counted
 * exactly (the map's B-tree keeps counts) unless each range is one key of a unique index, and the
 * plan that reads least wins. An index whose order is the sort's stops after the page when the
 * ranges are all the filter says, so a page costs its size, not the collection's. A hinted index is
 * used whatever it costs.
 */
public final class QueryPlanner {

  private QueryPlanner() {}

  /** A sort's field and direction. */
  record SortKey(String field, boolean ascending) {}

  /**
   * @param indexes the collection's complete indexes
   * @param hinted the index the client named in {@code hint}, or {@code null}
   * @param documents how many documents the collection holds
   */
  public static QueryPlan plan(Document filter, Document sort, int skip, int limit, List<OrderedIndex> indexes,
      OrderedIndex hinted, long documents) {
    List<SortKey> sortKeys = sortKeysOf(sort);
    if (sortKeys == null) {
      return QueryPlan.collectionScan(false);
    }
    boolean sortNeeded = !sortKeys.isEmpty();
    Predicates predicates = Predicates.of(filter == null ? new Document() : filter);
    long wanted = limit > 0 ? (long) Math.max(skip, 0) + limit : Long.MAX_VALUE;

    QueryPlan best = null;
    long bestCost = collectionScanCost(predicates, sortNeeded, wanted, documents);
    for (OrderedIndex index : hinted != null ? List.of(hinted) : indexes) {
      IndexBounds bounds = IndexBounds.of(index, predicates);
      if (bounds == null) {
        if (index != hinted) {
          continue;
        }
        bounds = IndexBounds.everything(index);
      }
      Boolean backward = directionServing(index, bounds, sortKeys);
      boolean sortServed = backward != null;
      if (index != hinted && !bounds.isBounded() && !(sortNeeded && sortServed)) {
        continue;
      }
      long keys = isPointLookup(index, bounds) ? bounds.intervals.size() : countKeys(index, bounds.intervals);
      long cost;
      if (sortNeeded && !sortServed) {
        cost = keys * 2;
      } else if (!bounds.residual) {
        cost = Math.min(keys, wanted);
      } else {
        cost = keys;
      }
      // Against the collection scan an index wins ties (it reads no more); against another index only
      // by serving the sort.
      boolean better = best == null ? cost <= bestCost
          : cost < bestCost || (cost == bestCost && sortServed && !best.servesSort());
      if (index == hinted || better) {
        best = new QueryPlan(index, bounds.intervals, Boolean.TRUE.equals(backward), sortServed || !sortNeeded, keys);
        bestCost = cost;
      }
    }
    return best != null ? best : QueryPlan.collectionScan(!sortNeeded);
  }

  private static long collectionScanCost(Predicates predicates, boolean sortNeeded, long wanted, long documents) {
    if (sortNeeded) {
      return documents * 2;
    }
    boolean filters = !predicates.fields().isEmpty() || predicates.isResidual() || !predicates.firstDisjunction().isEmpty();
    return filters ? documents : Math.min(documents, wanted);
  }

  /**
   * Whether the index's order, over these ranges, is the sort's: {@code false} read forward,
   * {@code true} read backward, {@code null} when it is not. Fields held to one value are skipped;
   * every other field up to the last sort key must be the sort's next key, all in the index's
   * direction or all against it. A field that has held arrays sorts by its smallest (or, backward,
   * largest) element only when the scan reads all of it, and a field holding values the key order
   * does not place exactly cannot sort.
   */
  static Boolean directionServing(OrderedIndex index, IndexBounds bounds, List<SortKey> sortKeys) {
    List<String> fields = index.fields();
    Boolean backward = null;
    int next = 0;
    for (int i = 0; i < fields.size() && next < sortKeys.size(); i++) {
      String field = fields.get(i);
      SortKey key = sortKeys.get(next);
      if (bounds.constant[i]) {
        if (key.field().equals(field)) {
          if (index.isMultikey(i)) {
            // Its entries share the one element, but a document sorts by its smallest.
            return null;
          }
          next++;
        }
        continue;
      }
      if (!key.field().equals(field) || index.isInexact(i) || (index.isMultikey(i) && bounds.bounded[i])) {
        return null;
      }
      boolean against = key.ascending() == index.isDescending(i);
      if (backward != null && backward != against) {
        return null;
      }
      backward = against;
      next++;
    }
    for (; next < sortKeys.size(); next++) {
      if (!isConstant(index, bounds, sortKeys.get(next).field())) {
        return null;
      }
    }
    return backward == null ? Boolean.FALSE : backward;
  }

  private static boolean isConstant(OrderedIndex index, IndexBounds bounds, String field) {
    int i = index.fields().indexOf(field);
    return i >= 0 && bounds.constant[i] && !index.isMultikey(i);
  }

  /**
   * Whether every range names one whole key of a unique index, so that each holds one entry at most
   * and counting them would cost more reads than the lookup itself (a create's upsert is one).
   */
  private static boolean isPointLookup(OrderedIndex index, IndexBounds bounds) {
    if (!index.isUnique() || index.isAnyMultikey()) {
      return false;
    }
    for (boolean each : bounds.constant) {
      if (!each) {
        return false;
      }
    }
    return true;
  }

  /** The entries in the ranges, counted from the B-tree's ranks: a few page reads per range. */
  static long countKeys(OrderedIndex index, List<Interval> intervals) {
    var entries = index.entries();
    long total = 0;
    for (Interval interval : intervals) {
      long low = rank(entries.getKeyIndex(interval.low()));
      long high = interval.high() == null ? entries.sizeAsLong() : rank(entries.getKeyIndex(interval.high()));
      total += Math.max(0, high - low);
    }
    return total;
  }

  private static long rank(long keyIndex) {
    return keyIndex >= 0 ? keyIndex : -(keyIndex + 1);
  }

  /** The sort's keys in order; empty for no sort; {@code null} for a sort only the library does ($natural, $meta). */
  private static List<SortKey> sortKeysOf(Document sort) {
    List<SortKey> keys = new ArrayList<>();
    if (sort == null) {
      return keys;
    }
    for (Map.Entry<String, Object> entry : sort.entrySet()) {
      if (entry.getKey().startsWith("$") || !(entry.getValue() instanceof Number direction)) {
        return null;
      }
      // As the library's comparator reads a direction: ascending when its whole part is positive.
      keys.add(new SortKey(entry.getKey(), direction.intValue() > 0));
    }
    return keys;
  }
}
