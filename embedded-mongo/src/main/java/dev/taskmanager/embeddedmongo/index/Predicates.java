package dev.taskmanager.embeddedmongo.index;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a query's filter says about single fields that an index scan can use: equalities (a field
 * equal to one of some values) and ranges within one type, for the fields of a conjunction, and the
 * disjunctions ({@code $or}) beside them. Anything else — other operators, regular expressions,
 * arrays and documents as values, {@code $nor}, {@code $expr} — bounds nothing and is left to the
 * matcher, which checks every document a scan reads against the whole filter; such a filter is
 * <em>residual</em>: the scan reads more than it returns.
 *
 * <p>Which values bound what follows the server's matcher: equality and {@code $in} compare values
 * as equal after normalizing numbers (so 1, 1L and 1.0 are one key), and a comparison only matches
 * values of the bound's own type (type bracketing), numbers all being one type.
 */
final class Predicates {

  /** Equality with one of these values (an empty list matches nothing). */
  record Points(List<Object> values) implements Bound {}

  /**
   * Values of the bound's type between {@code lower} and {@code upper}, each {@code null} for the
   * type's own end.
   */
  record Range(Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive) implements Bound {

    /** The type of the values in range: either bound's, as both have one type. */
    Object typical() {
      return lower != null ? lower : upper;
    }
  }

  sealed interface Bound permits Points, Range {}

  private final Map<String, List<Bound>> byField = new LinkedHashMap<>();
  private final List<List<Document>> disjunctions = new ArrayList<>();
  private boolean residual;

  private Predicates() {}

  static Predicates of(Document filter) {
    Predicates predicates = new Predicates();
    predicates.addAll(filter);
    return predicates;
  }

  /** These predicates and one branch of their first disjunction (which is dropped). */
  Predicates withBranch(Document branch) {
    Predicates combined = new Predicates();
    byField.forEach((field, bounds) -> combined.byField.put(field, new ArrayList<>(bounds)));
    combined.disjunctions.addAll(disjunctions.subList(1, disjunctions.size()));
    combined.residual = residual;
    combined.addAll(branch);
    return combined;
  }

  /** These predicates without their disjunctions, which then only narrow what the matcher returns. */
  Predicates withoutDisjunctions() {
    Predicates conjunction = new Predicates();
    byField.forEach((field, bounds) -> conjunction.byField.put(field, bounds));
    conjunction.residual = residual || !disjunctions.isEmpty();
    return conjunction;
  }

  List<Bound> on(String field) {
    return byField.getOrDefault(field, List.of());
  }

  Collection<String> fields() {
    return byField.keySet();
  }

  /** The branches of the first {@code $or}; empty when there is none. */
  List<Document> firstDisjunction() {
    return disjunctions.isEmpty() ? List.of() : disjunctions.get(0);
  }

  /** Whether some part of the filter bounds nothing and only the matcher checks it. */
  boolean isResidual() {
    return residual;
  }

  private void addAll(Document filter) {
    for (Map.Entry<String, Object> entry : filter.entrySet()) {
      String key = entry.getKey();
      Object value = entry.getValue();
      if (key.equals("$and") && value instanceof List<?> parts) {
        for (Object part : parts) {
          if (part instanceof Document document) {
            addAll(document);
          } else {
            residual = true;
          }
        }
      } else if (key.equals("$or") && value instanceof List<?> branches && !branches.isEmpty()
          && branches.stream().allMatch(Document.class::isInstance)) {
        List<Document> documents = new ArrayList<>();
        branches.forEach(branch -> documents.add((Document) branch));
        disjunctions.add(documents);
      } else if (key.equals("$comment")) {
        continue;
      } else if (key.startsWith("$")) {
        residual = true;
      } else {
        addField(key, value);
      }
    }
  }

  private void addField(String field, Object value) {
    if (BsonRegularExpression.isRegularExpression(value)) {
      residual = true;
    } else if (value instanceof Document operators && isOperatorDocument(operators)) {
      for (Map.Entry<String, Object> operator : operators.entrySet()) {
        addOperator(field, operator.getKey(), operator.getValue());
      }
    } else if (value instanceof Document || value instanceof Collection) {
      // Equality with a document or an array: not a key this index keeps.
      residual = true;
    } else if (isPoint(value)) {
      add(field, new Points(Collections.singletonList(nullIfMissing(value))));
    } else {
      residual = true;
    }
  }

  private void addOperator(String field, String operator, Object value) {
    switch (operator) {
      case "$eq":
        if (isPoint(value)) {
          add(field, new Points(Collections.singletonList(nullIfMissing(value))));
        } else {
          residual = true;
        }
        break;
      case "$in":
        if (value instanceof Collection<?> values && values.stream().allMatch(Predicates::isPoint)) {
          List<Object> points = new ArrayList<>(values.size());
          values.forEach(point -> points.add(nullIfMissing(point)));
          add(field, new Points(points));
        } else {
          residual = true;
        }
        break;
      case "$gt":
        addRange(field, value, false, true);
        break;
      case "$gte":
        addRange(field, value, true, true);
        break;
      case "$lt":
        addRange(field, value, false, false);
        break;
      case "$lte":
        addRange(field, value, true, false);
        break;
      default:
        residual = true;
    }
  }

  private void addRange(String field, Object value, boolean inclusive, boolean lowerBound) {
    if (!isRangeBound(value)) {
      residual = true;
      return;
    }
    add(field, lowerBound ? new Range(value, inclusive, null, false) : new Range(null, false, value, inclusive));
  }

  private void add(String field, Bound bound) {
    byField.computeIfAbsent(field, unused -> new ArrayList<>()).add(bound);
  }

  private static boolean isOperatorDocument(Document document) {
    return !document.isEmpty() && document.keySet().iterator().next().startsWith("$");
  }

  /** A value whose key the index holds exactly, so equality with it is a key lookup. */
  private static boolean isPoint(Object value) {
    return value == null || value instanceof Missing || isRangeBound(value);
  }

  /** A value a comparison can bound a scan by: its type's order is the key order. */
  private static boolean isRangeBound(Object value) {
    return (value instanceof Number && !(value instanceof Decimal128)) || value instanceof String
        || value instanceof Boolean || value instanceof ObjectId || value instanceof Instant;
  }

  private static Object nullIfMissing(Object value) {
    return value instanceof Missing ? null : value;
  }
}
