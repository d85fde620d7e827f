package dev.taskmanager.mongo;

import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Where in an order of sort keys a query's first match can be: the key values before which no
 * document matches. A keyset page's filter ({@code id > 40}, or {@code priority > 2 or (priority = 2
 * and id > 40)}) then starts reading at its page instead of at the first task.
 *
 * <p>Only bounds that are numbers are used: under the server's type bracketing a numeric comparison
 * matches numbers only, and numbers are contiguous in the sort order, so starting at the bound skips
 * nothing that could match. Anything else — other operators, other types, fields not in the order —
 * only narrows the matches further, so ignoring it is safe; the matcher still checks every document.
 */
final class KeysetStart {

  private final List<String> keys;
  private final boolean descending;
  /** Compares starts in the direction of reading. */
  private final Comparator<Object[]> reading;

  private KeysetStart(List<String> keys, boolean descending) {
    this.keys = keys;
    this.descending = descending;
    Comparator<Object> values = descending ? ValueComparator.desc() : ValueComparator.asc();
    this.reading = (a, b) -> Arrays.compare(a, b, values);
  }

  /**
   * The start for reading the order of {@code keys} in that direction, one value per key, the
   * unbounded ones as the sentinel that comes first; {@code null} when the query gives no bound.
   */
  static Object[] of(Document query, List<String> keys, boolean descending) {
    return new KeysetStart(keys, descending).ofAll(List.of(query));
  }

  /** The start of a conjunction: the furthest of what its parts imply. */
  private Object[] ofAll(List<Document> conjunction) {
    List<Document> parts = flatten(conjunction);
    Object[] start = fromKey(parts, 0);
    for (Document part : parts) {
      if (part.get("$or") instanceof List<?> branches) {
        start = furthest(start, ofAny(branches));
      }
    }
    return start;
  }

  /** The start of a disjunction: the nearest of its branches', if every branch has one. */
  private Object[] ofAny(List<?> branches) {
    Object[] nearest = null;
    for (Object branch : branches) {
      if (!(branch instanceof Document conjunction)) {
        return null;
      }
      Object[] start = ofAll(List.of(conjunction));
      if (start == null) {
        return null;
      }
      nearest = nearest == null || reading.compare(start, nearest) < 0 ? start : nearest;
    }
    return nearest;
  }

  /**
   * The start the conditions on {@code keys[index]} (and, where that key is fixed to one value, on
   * the keys after it) imply, as values for {@code keys[index..]}; {@code null} when none.
   */
  private Object[] fromKey(List<Document> parts, int index) {
    if (index == keys.size()) {
      return null;
    }
    Object[] furthest = null;
    for (Document part : parts) {
      Object condition = part.get(keys.get(index));
      if (isBound(condition)) {
        furthest = furthest(furthest, at((Number) condition, index, parts));
      } else if (condition instanceof Document operators) {
        for (String operator : operators.keySet()) {
          Object value = operators.get(operator);
          if (isBound(value)) {
            furthest = furthest(furthest, fromOperator(operator, (Number) value, index, parts));
          }
        }
      }
    }
    return furthest;
  }

  /** The number types clients send, NaN excepted: it compares unlike every other number. */
  private static boolean isBound(Object value) {
    return value instanceof Integer || value instanceof Long
        || (value instanceof Double number && !number.isNaN());
  }

  private Object[] fromOperator(String operator, Number value, int index, List<Document> parts) {
    String beyond = descending ? "$lt" : "$gt";
    String atOrBeyond = descending ? "$lte" : "$gte";
    if (operator.equals("$eq")) {
      return at(value, index, parts);
    } else if (operator.equals(beyond)) {
      return startingWith(value, index, afterAll());
    } else if (operator.equals(atOrBeyond)) {
      return startingWith(value, index, beforeAll());
    }
    return null;
  }

  /** Key {@code index} equals {@code value}: the keys after it may bound the start further. */
  private Object[] at(Number value, int index, List<Document> parts) {
    Object[] rest = fromKey(parts, index + 1);
    Object[] start = startingWith(value, index, beforeAll());
    if (rest != null) {
      System.arraycopy(rest, 0, start, 1, rest.length);
    }
    return start;
  }

  private Object[] startingWith(Number value, int index, Object fill) {
    Object[] start = new Object[keys.size() - index];
    Arrays.fill(start, fill);
    start[0] = value;
    return start;
  }

  private Object[] furthest(Object[] a, Object[] b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    return reading.compare(a, b) >= 0 ? a : b;
  }

  private Object beforeAll() {
    return beforeAll(descending);
  }

  private Object afterAll() {
    return beforeAll(!descending);
  }

  /** The sentinel that comes before every value in the direction of reading. */
  static Object beforeAll(boolean descending) {
    return descending ? MaxKey.getInstance() : MinKey.getInstance();
  }

  /** The conjunction's documents with every {@code $and} inside them taken apart. */
  private static List<Document> flatten(List<Document> conjunction) {
    List<Document> parts = new ArrayList<>();
    for (Document part : conjunction) {
      parts.add(part);
      if (part.get("$and") instanceof List<?> all) {
        List<Document> nested = new ArrayList<>();
        for (Object each : all) {
          if (each instanceof Document document) {
            nested.add(document);
          }
        }
        parts.addAll(flatten(nested));
      }
    }
    return parts;
  }
}
