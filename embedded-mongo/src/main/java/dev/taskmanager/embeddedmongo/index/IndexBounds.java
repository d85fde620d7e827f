package dev.taskmanager.embeddedmongo.index;

import de.bwaldvogel.mongo.bson.Document;
import dev.taskmanager.embeddedmongo.index.Predicates.Bound;
import dev.taskmanager.embeddedmongo.index.Predicates.Points;
import dev.taskmanager.embeddedmongo.index.Predicates.Range;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The part of an index a query has to read: ranges of keys, in key order, that hold every entry of
 * every document the filter can match. Built the way MongoDB bounds an index scan: equality (and
 * {@code $in}) on the index's first fields, then a range on the next; a disjunction is the union of
 * its branches' ranges. Bounds may read more than matches (the matcher checks each document), never
 * less.
 */
final class IndexBounds {

  /** Keys from {@code low} (inclusive) to {@code high} (exclusive; {@code null}: to the end). */
  record Interval(byte[] low, byte[] high) {}

  /** Beyond this many ranges an equality on one more field is not worth it: the scan stops there. */
  private static final int MAX_INTERVALS = 1_000;
  private static final Comparator<byte[]> BYTES = Arrays::compareUnsigned;

  final List<Interval> intervals;
  /**
   * Per field: one key component in every range, so the entries of a range follow the later fields
   * and a sort may skip it. On a field that has held arrays the entries still share that element,
   * but a document sorts by its smallest one: no sort on the field itself.
   */
  final boolean[] constant;
  /** Per field: some range limits it. */
  final boolean[] bounded;
  /** Whether the filter says more than the ranges, so the scan reads entries that do not match. */
  final boolean residual;

  private final byte[][] constantComponents;

  private IndexBounds(List<Interval> intervals, boolean[] constant, byte[][] constantComponents, boolean[] bounded,
      boolean residual) {
    this.intervals = intervals;
    this.constant = constant;
    this.constantComponents = constantComponents;
    this.bounded = bounded;
    this.residual = residual;
  }

  /** Whether the ranges limit the scan at all, rather than reading the whole index. */
  boolean isBounded() {
    return bounded.length > 0 && bounded[0];
  }

  /**
   * The ranges of {@code index} that hold every document {@code predicates} can match; {@code null}
   * when the index cannot be used for them (a sparse index that may miss matching documents).
   */
  static IndexBounds of(OrderedIndex index, Predicates predicates) {
    List<Document> branches = predicates.firstDisjunction();
    if (!branches.isEmpty()) {
      IndexBounds union = unionOf(index, predicates, branches);
      if (union != null) {
        return union;
      }
      return of(index, predicates.withoutDisjunctions());
    }
    return ofConjunction(index, predicates);
  }

  /** The whole index, whatever it holds: for a hint that names it. */
  static IndexBounds everything(OrderedIndex index) {
    int fields = index.fields().size();
    return new IndexBounds(List.of(prefixInterval(new byte[0])), new boolean[fields], new byte[fields][],
        new boolean[fields], true);
  }

  /** The union of the branches' ranges; {@code null} when some branch is unbounded on this index. */
  private static IndexBounds unionOf(OrderedIndex index, Predicates predicates, List<Document> branches) {
    int fields = index.fields().size();
    List<Interval> all = new ArrayList<>();
    boolean[] constant = new boolean[fields];
    Arrays.fill(constant, true);
    byte[][] components = new byte[fields][];
    boolean[] bounded = new boolean[fields];
    boolean residual = false;
    for (Document branch : branches) {
      IndexBounds part = of(index, predicates.withBranch(branch));
      if (part == null || !part.isBounded()) {
        return null;
      }
      all.addAll(part.intervals);
      residual |= part.residual;
      for (int i = 0; i < fields; i++) {
        bounded[i] |= part.bounded[i];
        boolean same = part.constant[i]
            && (components[i] == null || Arrays.equals(components[i], part.constantComponents[i]));
        constant[i] &= same;
        components[i] = part.constantComponents[i];
      }
    }
    return new IndexBounds(merged(all), constant, components, bounded, residual);
  }

  private static IndexBounds ofConjunction(OrderedIndex index, Predicates predicates) {
    List<String> fields = index.fields();
    boolean[] constant = new boolean[fields.size()];
    byte[][] components = new byte[fields.size()][];
    boolean[] bounded = new boolean[fields.size()];
    boolean residual = predicates.isResidual();
    List<byte[]> prefixes = List.of(new byte[0]);
    List<String> used = new ArrayList<>();
    Range range = null;
    int rangeField = -1;
    for (int i = 0; i < fields.size(); i++) {
      String field = fields.get(i);
      List<Bound> bounds = predicates.on(field);
      if (bounds.isEmpty() || (field.contains(".") && index.isMultikey(i))) {
        break;
      }
      Bound chosen = choose(bounds, index.isMultikey(i));
      residual |= bounds.size() > 1 && (index.isMultikey(i) || !(chosen instanceof Range));
      if (chosen instanceof Points points) {
        List<byte[]> values = componentsOf(points, index.isDescending(i));
        if ((long) prefixes.size() * values.size() > MAX_INTERVALS) {
          residual = true;
          break;
        }
        prefixes = crossed(prefixes, values);
        bounded[i] = true;
        constant[i] = values.size() == 1;
        components[i] = values.size() == 1 ? values.get(0) : null;
        used.add(field);
      } else {
        range = (Range) chosen;
        rangeField = i;
        bounded[i] = true;
        used.add(field);
        break;
      }
    }
    for (String field : predicates.fields()) {
      residual |= !used.contains(field);
    }
    if (index.isSparse() && !excludesNull(index, predicates, bounded)) {
      return null;
    }
    List<Interval> intervals = new ArrayList<>(prefixes.size());
    for (byte[] prefix : prefixes) {
      intervals.add(range == null ? prefixInterval(prefix) : rangeInterval(prefix, range, index.isDescending(rangeField)));
    }
    return new IndexBounds(intervals, constant, components, bounded, residual);
  }

  /**
   * One bound per field: on a field that has held arrays, bounds cannot be intersected (each may be
   * met by another element), so the first serves; otherwise an equality, else the intersection of
   * the ranges of the first range's type.
   */
  private static Bound choose(List<Bound> bounds, boolean multikey) {
    if (multikey || bounds.size() == 1) {
      return bounds.get(0);
    }
    for (Bound bound : bounds) {
      if (bound instanceof Points) {
        return bound;
      }
    }
    Range first = (Range) bounds.get(0);
    byte tag = KeyEncoder.tagOf(first.typical());
    Object lower = null;
    boolean lowerInclusive = false;
    Object upper = null;
    boolean upperInclusive = false;
    for (Bound bound : bounds) {
      Range range = (Range) bound;
      if (KeyEncoder.tagOf(range.typical()) != tag) {
        continue;
      }
      if (range.lower() != null && (lower == null || higher(range.lower(), range.lowerInclusive(), lower, lowerInclusive))) {
        lower = range.lower();
        lowerInclusive = range.lowerInclusive();
      }
      if (range.upper() != null && (upper == null || higher(upper, !upperInclusive, range.upper(), !range.upperInclusive()))) {
        upper = range.upper();
        upperInclusive = range.upperInclusive();
      }
    }
    return new Range(lower, lowerInclusive, upper, upperInclusive);
  }

  /** Whether lower bound {@code a} starts after lower bound {@code b}. */
  private static boolean higher(Object a, boolean aInclusive, Object b, boolean bInclusive) {
    int order = Arrays.compareUnsigned(KeyEncoder.encode(a), KeyEncoder.encode(b));
    return order > 0 || (order == 0 && !aInclusive && bInclusive);
  }

  /** A sparse index holds no entry for documents without its fields: usable only when null is out. */
  private static boolean excludesNull(OrderedIndex index, Predicates predicates, boolean[] bounded) {
    if (!bounded[0]) {
      return false;
    }
    for (Bound bound : predicates.on(index.fields().get(0))) {
      if (bound instanceof Points points && points.values().stream().noneMatch(value -> value == null)) {
        return true;
      }
      if (bound instanceof Range) {
        return true;
      }
    }
    return false;
  }

  /** The points' components in the field's stored order, each once. */
  private static List<byte[]> componentsOf(Points points, boolean descending) {
    TreeSet<byte[]> components = new TreeSet<>(BYTES);
    for (Object value : points.values()) {
      KeyBuilder component = new KeyBuilder(16);
      KeyEncoder.encode(value, descending, component);
      components.add(component.toByteArray());
    }
    return new ArrayList<>(components);
  }

  private static List<byte[]> crossed(List<byte[]> prefixes, List<byte[]> values) {
    List<byte[]> crossed = new ArrayList<>(prefixes.size() * values.size());
    for (byte[] prefix : prefixes) {
      for (byte[] value : values) {
        crossed.add(KeyBuilder.startingWith(prefix).put(value).toByteArray());
      }
    }
    return crossed;
  }

  /** Every key that starts with {@code prefix}; the whole index for an empty prefix. */
  private static Interval prefixInterval(byte[] prefix) {
    if (prefix.length == 0) {
      return new Interval(OrderedIndex.FIRST_ENTRY, null);
    }
    return new Interval(prefix, KeyEncoder.successor(prefix));
  }

  /**
   * The keys after {@code prefix} whose next component is in {@code range}, within the range's type.
   * A descending component is stored inverted: its larger values come first.
   */
  private static Interval rangeInterval(byte[] prefix, Range range, boolean descending) {
    Range widened = widened(range);
    byte tag = KeyEncoder.tagOf(range.typical());
    byte[] typeStart = KeyBuilder.startingWith(prefix).put(descending ? (byte) ~tag : tag).toByteArray();
    byte[] typeEnd = KeyEncoder.successor(typeStart);
    Object first = descending ? widened.upper() : widened.lower();
    boolean firstInclusive = descending ? widened.upperInclusive() : widened.lowerInclusive();
    Object last = descending ? widened.lower() : widened.upper();
    boolean lastInclusive = descending ? widened.lowerInclusive() : widened.upperInclusive();
    byte[] low = typeStart;
    if (first != null) {
      byte[] at = withComponent(prefix, first, descending);
      low = firstInclusive ? at : KeyEncoder.successor(at);
    }
    byte[] high = typeEnd;
    if (last != null) {
      byte[] at = withComponent(prefix, last, descending);
      high = lastInclusive ? KeyEncoder.successor(at) : at;
    }
    return new Interval(low, high);
  }

  /**
   * A numeric range with a fractional or huge bound, widened to whole numbers: the server compares
   * an int64 with a double by their whole parts, so 3000000000 counts as equal to 3000000000.5 there.
   */
  private static Range widened(Range range) {
    if (!(range.typical() instanceof Number)) {
      return range;
    }
    Object lower = range.lower();
    boolean lowerInclusive = range.lowerInclusive();
    if (lower instanceof Double value && !isWhole(value)) {
      lower = Double.isInfinite(value) || Math.abs(value) >= 0x1p63 ? null : Math.floor(value);
      lowerInclusive = true;
    }
    Object upper = range.upper();
    boolean upperInclusive = range.upperInclusive();
    if (upper instanceof Double value && !isWhole(value)) {
      upper = Double.isInfinite(value) || Math.abs(value) >= 0x1p63 ? null : Math.ceil(value);
      upperInclusive = true;
    }
    if (lower == null && upper == null) {
      // Keep the type: a bound of null has none.
      return new Range(null, false, Double.NaN, true);
    }
    return new Range(lower, lowerInclusive, upper, upperInclusive);
  }

  private static boolean isWhole(double value) {
    return !Double.isNaN(value) && value == Math.rint(value) && Math.abs(value) < 0x1p63;
  }

  private static byte[] withComponent(byte[] prefix, Object value, boolean descending) {
    KeyBuilder key = KeyBuilder.startingWith(prefix);
    KeyEncoder.encode(value, descending, key);
    return key.toByteArray();
  }

  /** Intervals sorted and joined where they overlap or touch, so no key is read twice. */
  private static List<Interval> merged(List<Interval> intervals) {
    List<Interval> sorted = new ArrayList<>(intervals);
    sorted.sort((a, b) -> Arrays.compareUnsigned(a.low(), b.low()));
    List<Interval> merged = new ArrayList<>();
    for (Interval next : sorted) {
      if (!merged.isEmpty()) {
        Interval last = merged.get(merged.size() - 1);
        if (last.high() == null || Arrays.compareUnsigned(next.low(), last.high()) <= 0) {
          byte[] high = last.high() == null || next.high() == null ? null
              : (Arrays.compareUnsigned(next.high(), last.high()) > 0 ? next.high() : last.high());
          merged.set(merged.size() - 1, new Interval(last.low(), high));
          continue;
        }
      }
      merged.add(next);
    }
    return merged;
  }
}
