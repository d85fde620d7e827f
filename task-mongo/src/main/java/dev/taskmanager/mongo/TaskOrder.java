package dev.taskmanager.mongo;

import static dev.taskmanager.mongo.TaskDocuments.ID;
import static dev.taskmanager.mongo.TaskDocuments.PRIORITY;
import static java.util.Comparator.comparing;

import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tasks of one collection in the two orders pages are read in: by {@code id}, and by
 * {@code (priority, id)}. The embedded server has no ordered indexes (it sorts every match of a
 * query before applying its limit), so the page's cost would grow with the store; with this order a
 * sorted, limited query reads only the documents it returns, starting at the first one a keyset
 * filter can match ({@link KeysetStart}).
 *
 * <p>Values compare exactly as the server sorts them ({@link ValueComparator}), ties broken by the
 * document's position. Documents whose {@code id} or {@code priority} is an array sort by rules this
 * order does not model; while any is stored, the order declines every query.
 *
 * <p>Not thread-safe: its collection calls it under the collection's own lock.
 */
final class TaskOrder {

  private record Entry(Object id, Object priority, Object position) {}

  private static final Comparator<Object> VALUES = ValueComparator.asc();
  private static final Comparator<Entry> BY_ID =
      comparing(Entry::id, VALUES).thenComparing(Entry::position, VALUES);
  private static final Comparator<Entry> BY_PRIORITY =
      comparing(Entry::priority, VALUES).thenComparing(BY_ID);

  private static final List<String> ID_KEYS = List.of(ID);
  private static final List<String> PRIORITY_KEYS = List.of(PRIORITY, ID);

  private final NavigableSet<Entry> byId = new TreeSet<>(BY_ID);
  private final NavigableSet<Entry> byPriority = new TreeSet<>(BY_PRIORITY);
  private final Map<Object, Entry> byPosition = new HashMap<>();
  private final Set<Object> unorderable = new HashSet<>();

  /** Whether a query sorted by {@code orderBy} is one this order can serve (when usable). */
  static boolean serves(Document orderBy) {
    return keysOf(orderBy) != null;
  }

  void add(Object position, Document document) {
    Object id = Utils.getSubdocumentValueCollectionAware(document, ID);
    Object priority = Utils.getSubdocumentValueCollectionAware(document, PRIORITY);
    if (id instanceof Collection || priority instanceof Collection) {
      unorderable.add(position);
      return;
    }
    Entry entry = new Entry(id, priority, position);
    byPosition.put(position, entry);
    byId.add(entry);
    byPriority.add(entry);
  }

  void remove(Object position) {
    unorderable.remove(position);
    Entry entry = byPosition.remove(position);
    if (entry != null) {
      byId.remove(entry);
      byPriority.remove(entry);
    }
  }

  /**
   * The positions of the documents in the order {@code orderBy} asks for, from the first that can
   * match {@code query}; empty when this order cannot serve the sort.
   */
  Optional<Iterator<Object>> positions(Document orderBy, Document query) {
    List<String> keys = keysOf(orderBy);
    if (keys == null || !unorderable.isEmpty()) {
      return Optional.empty();
    }
    boolean descending = ((Number) orderBy.get(ID)).intValue() < 0;
    NavigableSet<Entry> order = keys == ID_KEYS ? byId : byPriority;
    Object[] start = KeysetStart.of(query, keys, descending);
    Iterator<Entry> entries;
    if (start == null) {
      entries = descending ? order.descendingIterator() : order.iterator();
    } else {
      Entry from = keys == ID_KEYS
          ? new Entry(start[0], null, KeysetStart.beforeAll(descending))
          : new Entry(start[1], start[0], KeysetStart.beforeAll(descending));
      entries = descending
          ? order.headSet(from, true).descendingIterator()
          : order.tailSet(from, true).iterator();
    }
    return Optional.of(new Iterator<>() {
      @Override
      public boolean hasNext() {
        return entries.hasNext();
      }

      @Override
      public Object next() {
        return entries.next().position();
      }
    });
  }

  /** {@code [id]} or {@code [priority, id]} when orderBy is one of the two orders, all one direction. */
  private static List<String> keysOf(Document orderBy) {
    if (orderBy == null) {
      return null;
    }
    List<String> keys = List.copyOf(orderBy.keySet());
    if (!keys.equals(ID_KEYS) && !keys.equals(PRIORITY_KEYS)) {
      return null;
    }
    Integer direction = null;
    for (String key : keys) {
      if (!(orderBy.get(key) instanceof Number value)) {
        return null;
      }
      int sign = Integer.signum(value.intValue());
      if (sign == 0 || (direction != null && direction != sign)) {
        return null;
      }
      direction = sign;
    }
    return keys.equals(ID_KEYS) ? ID_KEYS : PRIORITY_KEYS;
  }
}
