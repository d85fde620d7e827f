package dev.taskmanager.embeddedmongo.index;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Constants;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.CannotIndexParallelArraysError;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * An index as MongoDB keeps one, in an H2 map ordered by {@link KeyEncoder}: one entry per
 * combination of the document's values of the index's fields (several when a field holds an array,
 * one per element: a multikey index), keyed by those values and the document's position, with the
 * position as the value. Unique or not, ascending or descending per field, sparse or not.
 *
 * <p>The map also holds, under a key below every entry, what the index has learnt about its fields:
 * which have held arrays (multikey) and which have held values the key order does not model exactly
 * ({@link KeyEncoder#isExact}), and whether the index is complete. An index built part way (the
 * process died while building it) is not complete, and is built again when its collection opens.
 *
 * <p>Its collection calls it under the collection's lock; the flags are read by queries without it.
 */
public final class OrderedIndex extends Index<Object> {

  /** The key of the entry that describes the index; every real entry starts with a type tag above it. */
  static final byte[] META_KEY = {0x00};
  /** The first key a real entry can have. */
  static final byte[] FIRST_ENTRY = {0x01};

  /** Equal to no entry's position. */
  private static final Object NO_POSITION = new Object();

  private static final String READY = "ready";
  private static final String MULTIKEY = "multikey";
  private static final String INEXACT = "inexact";

  private final MVMap<byte[], Object> entries;
  private final boolean unique;
  private final boolean[] descending;
  private volatile FieldFlags flags;

  /**
   * @param entries the index's map, opened with {@link KeyBytesType} keys; a new map makes an empty,
   *     incomplete index
   */
  public OrderedIndex(String name, List<IndexKey> keys, boolean unique, boolean sparse, MVMap<byte[], Object> entries) {
    super(name, keys, sparse);
    this.entries = entries;
    this.unique = unique;
    this.descending = new boolean[keys.size()];
    for (int i = 0; i < descending.length; i++) {
      descending[i] = !keys.get(i).isAscending();
    }
    Object meta = entries.get(META_KEY);
    this.flags = meta instanceof Document described ? FieldFlags.of(described, fields()) : FieldFlags.none(keys.size());
    if (meta == null) {
      writeMeta(false);
    }
  }

  /** The index's field names in order. */
  public List<String> fields() {
    return keys();
  }

  public boolean isDescending(int field) {
    return descending[field];
  }

  /** Whether any document has held an array in this field (or on its path). */
  public boolean isMultikey(int field) {
    return flags.multikey[field];
  }

  /** Whether any document has held a value in this field that the key order does not place exactly. */
  public boolean isInexact(int field) {
    return flags.inexact[field];
  }

  public boolean isAnyMultikey() {
    for (boolean multikey : flags.multikey) {
      if (multikey) {
        return true;
      }
    }
    return false;
  }

  /** Whether every document of the collection is in the index. */
  public boolean isReady() {
    return flags.ready;
  }

  @Override
  public boolean isUnique() {
    return unique;
  }

  @Override
  public boolean isSparse() {
    return super.isSparse();
  }

  /** Empties an incomplete index, to build it again from every document. */
  public void clearForBuild() {
    entries.clear();
    flags = FieldFlags.none(descending.length);
    writeMeta(false);
  }

  /** Records that every document is in the index. */
  public void markReady() {
    flags = flags.withReady(true);
    writeMeta(true);
  }

  /** The map of entries, for the planner's counts and the executor's reads. */
  MVMap<byte[], Object> entries() {
    return entries;
  }

  @Override
  public Object getPosition(Document document) {
    NavigableSet<byte[]> keys = keysOf(document);
    if (keys.isEmpty()) {
      return null;
    }
    return entries.get(withPosition(keys.first(), positionOf(document)));
  }

  /**
   * Checks a document about to be added. It has no entries yet, so every entry under its keys is
   * another document's, even one at the position its own _id names (positions are _ids): taken for
   * its own, such an entry let a second document with a taken _id past the _id index, and the
   * collection stored it over the first before refusing it, the indexes still describing the first.
   */
  @Override
  public void checkAdd(Document document, MongoCollection<Object> collection) {
    NavigableSet<byte[]> keys = keysOf(document);
    if (unique) {
      checkUnique(keys, NO_POSITION, document, collection);
    }
  }

  @Override
  public void add(Document document, Object position, MongoCollection<Object> collection) {
    NavigableSet<byte[]> keys = keysOf(document);
    if (unique) {
      checkUnique(keys, position, document, collection);
    }
    learnFrom(document);
    byte[] positionKey = KeyEncoder.encode(position);
    for (byte[] key : keys) {
      entries.put(concat(key, positionKey), position);
    }
  }

  @Override
  public Object remove(Document document) {
    Object position = positionOf(document);
    byte[] positionKey = KeyEncoder.encode(position);
    Object removed = null;
    for (byte[] key : keysOf(document)) {
      Object was = entries.remove(concat(key, positionKey));
      removed = removed == null ? was : removed;
    }
    return removed;
  }

  @Override
  public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
    NavigableSet<byte[]> newKeys = keysOf(newDocument);
    if (unique && !sameKeys(keysOf(oldDocument), newKeys)) {
      checkUnique(newKeys, positionOf(oldDocument), newDocument, collection);
    }
  }

  @Override
  public void updateInPlace(Document oldDocument, Document newDocument, Object position,
      MongoCollection<Object> collection) {
    NavigableSet<byte[]> oldKeys = keysOf(oldDocument);
    NavigableSet<byte[]> newKeys = keysOf(newDocument);
    if (sameKeys(oldKeys, newKeys)) {
      return;
    }
    learnFrom(newDocument);
    byte[] positionKey = KeyEncoder.encode(position);
    for (byte[] key : oldKeys) {
      if (!newKeys.contains(key)) {
        entries.remove(concat(key, positionKey));
      }
    }
    for (byte[] key : newKeys) {
      if (!oldKeys.contains(key)) {
        entries.put(concat(key, positionKey), position);
      }
    }
  }

  /** Queries are planned by the collection ({@link QueryPlanner}), not through this library hook. */
  @Override
  public boolean canHandle(Document query) {
    return false;
  }

  @Override
  public Iterable<Object> getPositions(Document query) {
    throw new UnsupportedOperationException("the collection plans queries on " + getName() + " itself");
  }

  @Override
  public long getCount() {
    return Math.max(0, entries.sizeAsLong() - 1);
  }

  @Override
  public long getDataSize() {
    return getCount();
  }

  @Override
  public void drop() {
    entries.getStore().removeMap(entries);
  }

  /** Where the index's map comes among the file's maps by creation: ids count up as maps are made. */
  public int creationOrder() {
    return entries.getId();
  }

  /** Renames the index's map, for a collection renamed. */
  public void moveTo(String mapName) {
    entries.getStore().renameMap(entries, mapName);
  }

  /**
   * The keys of a document's entries without the position: one per combination of its values, in
   * key order, none when the index is sparse and the document has none of its fields.
   *
   * @throws CannotIndexParallelArraysError when two of the index's fields hold arrays
   */
  NavigableSet<byte[]> keysOf(Document document) {
    NavigableSet<byte[]> keys = new TreeSet<>(KeyBytesType.INSTANCE::compare);
    if (isSparse() && fields().stream().allMatch(field -> Utils.getSubdocumentValue(document, field) instanceof Missing)) {
      return keys;
    }
    List<String> fields = fields();
    List<Object> values = new ArrayList<>(fields.size());
    int arrayField = -1;
    for (int i = 0; i < fields.size(); i++) {
      Object value = Utils.getSubdocumentValueCollectionAware(document, fields.get(i));
      if (value instanceof Collection) {
        if (arrayField >= 0) {
          throw new CannotIndexParallelArraysError(List.of(fields.get(arrayField), fields.get(i)));
        }
        arrayField = i;
      }
      values.add(value);
    }
    KeyBuilder prefix = new KeyBuilder(32);
    for (int i = 0; i < fields.size(); i++) {
      if (i == arrayField) {
        byte[] before = prefix.toByteArray();
        for (Object element : elementsOf((Collection<?>) values.get(i))) {
          KeyBuilder key = KeyBuilder.startingWith(before);
          KeyEncoder.encode(element, descending[i], key);
          appendFrom(i + 1, values, key);
          keys.add(key.toByteArray());
        }
        return keys;
      }
      KeyEncoder.encode(values.get(i), descending[i], prefix);
    }
    keys.add(prefix.toByteArray());
    return keys;
  }

  private void appendFrom(int field, List<Object> values, KeyBuilder key) {
    for (int i = field; i < values.size(); i++) {
      KeyEncoder.encode(values.get(i), descending[i], key);
    }
  }

  /** An array's values as keys: an empty array is a value of its own, sorted before null. */
  private static List<Object> elementsOf(Collection<?> array) {
    if (array.isEmpty()) {
      return List.of(KeyEncoder.EMPTY_ARRAY_VALUE);
    }
    return new ArrayList<>(array);
  }

  private void checkUnique(NavigableSet<byte[]> keys, Object position, Document document,
      MongoCollection<Object> collection) {
    for (byte[] key : keys) {
      byte[] end = KeyEncoder.successor(key);
      Cursor<byte[], Object> cursor = entries.cursor(key);
      while (cursor.hasNext()) {
        byte[] found = cursor.next();
        if (end != null && Arrays.compareUnsigned(found, end) >= 0) {
          break;
        }
        if (!Objects.equals(cursor.getValue(), position)) {
          throw new DuplicateKeyError(this, collection, getKeys(), keyValueOf(document));
        }
      }
    }
  }

  /** The document's values of the index's fields, for the duplicate key message. */
  private KeyValue keyValueOf(Document document) {
    return new KeyValue(fields().stream()
        .map(field -> Utils.getSubdocumentValueCollectionAware(document, field))
        .map(value -> value instanceof Missing ? null : value)
        .collect(Collectors.toList()));
  }

  /** Sets the flags a document's values call for, and records them when they change. */
  private void learnFrom(Document document) {
    FieldFlags learnt = flags;
    List<String> fields = fields();
    for (int i = 0; i < fields.size(); i++) {
      Object value = Utils.getSubdocumentValueCollectionAware(document, fields.get(i));
      if (value instanceof Collection<?> array) {
        learnt = learnt.withMultikey(i);
        for (Object element : array) {
          if (!KeyEncoder.isExact(element)) {
            learnt = learnt.withInexact(i);
          }
        }
      } else if (!KeyEncoder.isExact(value)) {
        learnt = learnt.withInexact(i);
      }
    }
    if (learnt != flags) {
      flags = learnt;
      writeMeta(learnt.ready);
    }
  }

  private void writeMeta(boolean ready) {
    entries.put(META_KEY, new Document(READY, ready)
        .append(MULTIKEY, flags.namesOf(flags.multikey, fields()))
        .append(INEXACT, flags.namesOf(flags.inexact, fields())));
  }

  private static Object positionOf(Document document) {
    return Missing.ofNullable(Utils.getSubdocumentValue(document, Constants.ID_FIELD));
  }

  private static boolean sameKeys(NavigableSet<byte[]> a, NavigableSet<byte[]> b) {
    if (a.size() != b.size()) {
      return false;
    }
    Iterator<byte[]> x = a.iterator();
    Iterator<byte[]> y = b.iterator();
    while (x.hasNext()) {
      if (!Arrays.equals(x.next(), y.next())) {
        return false;
      }
    }
    return true;
  }

  static byte[] withPosition(byte[] key, Object position) {
    return concat(key, KeyEncoder.encode(position));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] joined = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }

  /** What the index knows of its fields; replaced whole when it changes, so readers see one state. */
  private static final class FieldFlags {
    final boolean ready;
    final boolean[] multikey;
    final boolean[] inexact;

    private FieldFlags(boolean ready, boolean[] multikey, boolean[] inexact) {
      this.ready = ready;
      this.multikey = multikey;
      this.inexact = inexact;
    }

    static FieldFlags none(int fields) {
      return new FieldFlags(false, new boolean[fields], new boolean[fields]);
    }

    static FieldFlags of(Document meta, List<String> fields) {
      return new FieldFlags(Boolean.TRUE.equals(meta.get(READY)), flagsOf(meta.get(MULTIKEY), fields),
          flagsOf(meta.get(INEXACT), fields));
    }

    FieldFlags withReady(boolean isReady) {
      return new FieldFlags(isReady, multikey, inexact);
    }

    FieldFlags withMultikey(int field) {
      if (multikey[field]) {
        return this;
      }
      boolean[] more = multikey.clone();
      more[field] = true;
      return new FieldFlags(ready, more, inexact);
    }

    FieldFlags withInexact(int field) {
      if (inexact[field]) {
        return this;
      }
      boolean[] more = inexact.clone();
      more[field] = true;
      return new FieldFlags(ready, multikey, more);
    }

    List<String> namesOf(boolean[] set, List<String> fields) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < set.length; i++) {
        if (set[i]) {
          names.add(fields.get(i));
        }
      }
      return names;
    }

    private static boolean[] flagsOf(Object names, List<String> fields) {
      boolean[] set = new boolean[fields.size()];
      if (names instanceof Collection<?> listed) {
        for (int i = 0; i < fields.size(); i++) {
          set[i] = listed.contains(fields.get(i));
        }
      }
      return set;
    }
  }

  @Override
  public String toString() {
    return "OrderedIndex[" + getName() + " " + getKeys().stream()
        .map(key -> key.getKey() + (key.isAscending() ? " 1" : " -1")).collect(Collectors.joining(", ")) + "]";
  }

  /** For explain: the key pattern, as listIndexes shows it. */
  public Document keyPattern() {
    Document pattern = new Document();
    for (IndexKey key : getKeys()) {
      pattern.put(key.getKey(), key.isAscending() ? 1 : -1);
    }
    return pattern;
  }
}
