package dev.taskmanager.embeddedmongo.storage;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded server's documents, index keys and positions are kept in the H2 file: as BSON,
 * the wire's own encoding. H2's default type falls back to Java serialization for them — a new
 * {@code ObjectOutputStream} per value, for every page a commit writes and, for keys, for every
 * comparison of a lookup — which made it the largest cost of a durable write.
 *
 * <p>Each value is written as a marker byte and a BSON document; values BSON cannot carry are
 * written as H2's default type writes them. Reading accepts both, so files written before keep
 * their values readable. Keys order by {@link #compare}, a total order consistent with equality
 * (not the server's sort order: a map's order only has to find equal keys); a file whose maps were
 * ordered otherwise keeps H2's default type for its keys ({@link FileFormat}).
 */
public final class BsonDataType extends BasicDataType<Object> {

  private static final byte DOCUMENT = (byte) 0xF0;
  private static final byte KEY = (byte) 0xF1;
  private static final byte VALUE = (byte) 0xF2;
  private static final String FIELD = "v";

  /** H2's default, for the values BSON cannot carry and the values written before. */
  private final ObjectDataType legacy = new ObjectDataType();

  @Override
  public void write(WriteBuffer buffer, Object value) {
    ByteBuf bson = encode(value);
    if (bson == null) {
      legacy.write(buffer, value);
      return;
    }
    buffer.put(markerOf(value)).put(bson.nioBuffer());
  }

  @Override
  public Object read(ByteBuffer buffer) {
    byte marker = buffer.get(buffer.position());
    if (marker != DOCUMENT && marker != KEY && marker != VALUE) {
      return legacy.read(buffer);
    }
    buffer.get();
    ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice());
    Document document = BsonDecoder.decodeBson(bson);
    buffer.position(buffer.position() + bson.readerIndex());
    if (marker == KEY) {
      return new KeyValue((List<?>) document.get(FIELD));
    }
    return marker == VALUE ? document.get(FIELD) : document;
  }

  @Override
  public Object[] createStorage(int size) {
    return new Object[size];
  }

  @Override
  public int getMemory(Object value) {
    return memoryOf(value);
  }

  /**
   * A total order consistent with equality: by kind of value first, then by content. Numbers of
   * different classes are different keys here, as they were under H2's default type; the server
   * normalizes index keys before it stores or looks them up.
   */
  @Override
  public int compare(Object a, Object b) {
    return compareValues(a, b);
  }

  private static ByteBuf encode(Object value) {
    Document document;
    if (value instanceof Document given) {
      document = given;
    } else if (value instanceof KeyValue key) {
      List<Object> values = new ArrayList<>(key.size());
      key.forEach(values::add);
      document = new Document(FIELD, values);
    } else {
      document = new Document(FIELD, value);
    }
    ByteBuf bson = Unpooled.buffer(128);
    try {
      BsonEncoder.encodeDocument(document, bson);
      return bson;
    } catch (RuntimeException notBson) {
      // Missing, for one: the server's marker of an absent value has no BSON form.
      return null;
    }
  }

  private static byte markerOf(Object value) {
    if (value instanceof Document) {
      return DOCUMENT;
    }
    return value instanceof KeyValue ? KEY : VALUE;
  }

  private int compareValues(Object a, Object b) {
    if (a == b) {
      return 0;
    }
    if (a instanceof ObjectId left && b instanceof ObjectId right) {
      // The documents' keys, compared a dozen times for each document a page reads: spared the
      // kind checks, which were half the cost of finding a document by its key.
      return left.compareTo(right);
    }
    int byKind = Integer.compare(kindOf(a), kindOf(b));
    if (byKind != 0) {
      return byKind;
    }
    if (a instanceof Map<?, ?> left) {
      return compareEntries(left, (Map<?, ?>) b);
    }
    if (a instanceof KeyValue left) {
      return compareSequences(left.iterator(), ((KeyValue) b).iterator());
    }
    if (a instanceof Collection<?> left) {
      return compareSequences(left.iterator(), ((Collection<?>) b).iterator());
    }
    if (a instanceof Comparable<?> && a.getClass() == b.getClass()) {
      @SuppressWarnings("unchecked")
      Comparable<Object> comparable = (Comparable<Object>) a;
      return comparable.compareTo(b);
    }
    int byClass = a.getClass().getName().compareTo(b.getClass().getName());
    return byClass != 0 ? byClass : legacy.compare(a, b);
  }

  /** Kinds in a fixed order; null first. Each number class is its own kind. */
  private static int kindOf(Object value) {
    if (value == null) {
      return 0;
    } else if (value instanceof Double) {
      return 1;
    } else if (value instanceof Long) {
      return 2;
    } else if (value instanceof Integer) {
      return 3;
    } else if (value instanceof String) {
      return 4;
    } else if (value instanceof ObjectId) {
      return 5;
    } else if (value instanceof Map) {
      return 6;
    } else if (value instanceof KeyValue) {
      return 7;
    } else if (value instanceof Collection) {
      return 8;
    }
    return 9;
  }

  private int compareEntries(Map<?, ?> left, Map<?, ?> right) {
    Iterator<? extends Map.Entry<?, ?>> a = left.entrySet().iterator();
    Iterator<? extends Map.Entry<?, ?>> b = right.entrySet().iterator();
    while (a.hasNext() && b.hasNext()) {
      Map.Entry<?, ?> x = a.next();
      Map.Entry<?, ?> y = b.next();
      int byKey = compareValues(x.getKey(), y.getKey());
      if (byKey != 0) {
        return byKey;
      }
      int byValue = compareValues(x.getValue(), y.getValue());
      if (byValue != 0) {
        return byValue;
      }
    }
    return Boolean.compare(a.hasNext(), b.hasNext());
  }

  private int compareSequences(Iterator<?> a, Iterator<?> b) {
    while (a.hasNext() && b.hasNext()) {
      int byElement = compareValues(a.next(), b.next());
      if (byElement != 0) {
        return byElement;
      }
    }
    return Boolean.compare(a.hasNext(), b.hasNext());
  }

  /** A rough size on the heap, for H2's cache; H2's default type serializes a value to guess it. */
  private static int memoryOf(Object value) {
    if (value instanceof String text) {
      return 48 + 2 * text.length();
    }
    int memory = 48;
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        memory += 32 + memoryOf(entry.getKey()) + memoryOf(entry.getValue());
      }
    } else if (value instanceof Iterable<?> values) {
      for (Object each : values) {
        memory += 8 + memoryOf(each);
      }
    } else {
      memory = 24;
    }
    return memory;
  }
}
