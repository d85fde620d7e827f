package dev.taskmanager.embeddedmongo.index;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Index keys as byte strings whose unsigned lexicographic order is the server's order of values, so
 * that a map of byte keys is an ordered index: the library's {@code ValueComparator} puts MinKey
 * first, then null and missing alike, numbers (int32, int64 and double compared by value), strings
 * (by UTF-16 code unit), documents, arrays, binary data, UUIDs, ObjectIds, booleans, dates,
 * timestamps, regular expressions and MaxKey last.
 *
 * <p>Each value is one self-delimiting component: a type tag, then a body whose bytes order as the
 * values do. No component is a prefix of another, so a compound key (several components, then the
 * document's position) orders field by field, and every key that starts with a component lies
 * between the component and {@link #successor} of it. A descending field is stored with every byte
 * of its component inverted, which reverses its order.
 *
 * <p>Values the server orders by rules not modelled here (embedded documents, arrays inside arrays,
 * binary data, UUIDs, Decimal128, timestamps, regular expressions) are <em>opaque</em>: they get their
 * type's tag, so the order between types holds, and a body that is equal for equal values, but their
 * order within the type is not the server's. {@link #isExact} tells which they are; an index whose
 * field holds one is not used to sort by that field.
 *
 * <p>Stateless and thread-safe.
 */
public final class KeyEncoder {

  static final byte MIN_KEY = 0x01;
  /** Not a BSON type: a document's empty array, which the server sorts before null. */
  static final byte EMPTY_ARRAY = 0x02;
  static final byte NULL = 0x03;
  static final byte NUMBER = 0x10;
  static final byte STRING = 0x20;
  static final byte DOCUMENT = 0x30;
  static final byte ARRAY = 0x40;
  static final byte BINARY = 0x50;
  static final byte LEGACY_UUID = 0x54;
  static final byte UUID_TAG = 0x58;
  static final byte OBJECT_ID = 0x60;
  static final byte BOOLEAN = 0x70;
  static final byte DATE = (byte) 0x80;
  static final byte TIMESTAMP = (byte) 0x90;
  static final byte REGEX = (byte) 0xA0;
  /** Whatever else a document could hold (JavaScript code): after every ordered type. */
  static final byte OTHER = (byte) 0xE0;
  static final byte MAX_KEY = (byte) 0xF0;

  /** The marker of an empty array in a document, as {@link #encode} takes it. */
  public static final Object EMPTY_ARRAY_VALUE = new Object() {
    @Override
    public String toString() {
      return "[]";
    }
  };

  private static final long SIGN_BIT = Long.MIN_VALUE;
  private static final double TWO_TO_THE_63 = 0x1p63;

  private KeyEncoder() {}

  /** Appends {@code value}'s component, inverted when {@code descending}. */
  public static void encode(Object value, boolean descending, KeyBuilder key) {
    int start = key.length();
    encodeAscending(value, key);
    if (descending) {
      key.invertFrom(start);
    }
  }

  /** One value's component alone, ascending. */
  public static byte[] encode(Object value) {
    KeyBuilder key = new KeyBuilder(16);
    encodeAscending(value, key);
    return key.toByteArray();
  }

  /** The type tag a value's component starts with (ascending). */
  public static byte tagOf(Object value) {
    if (value == null || value instanceof Missing) {
      return NULL;
    } else if (value == EMPTY_ARRAY_VALUE) {
      return EMPTY_ARRAY;
    } else if (value instanceof Number) {
      return NUMBER;
    } else if (value instanceof String) {
      return STRING;
    } else if (value instanceof Map) {
      return DOCUMENT;
    } else if (value instanceof Collection) {
      return ARRAY;
    } else if (value instanceof BinData) {
      return BINARY;
    } else if (value instanceof LegacyUUID) {
      return LEGACY_UUID;
    } else if (value instanceof UUID) {
      return UUID_TAG;
    } else if (value instanceof ObjectId) {
      return OBJECT_ID;
    } else if (value instanceof Boolean) {
      return BOOLEAN;
    } else if (value instanceof Instant) {
      return DATE;
    } else if (value instanceof BsonTimestamp) {
      return TIMESTAMP;
    } else if (value instanceof BsonRegularExpression) {
      return REGEX;
    } else if (value instanceof MinKey) {
      return MIN_KEY;
    } else if (value instanceof MaxKey) {
      return MAX_KEY;
    }
    return OTHER;
  }

  /**
   * Whether the value's component orders exactly as the server orders values of its type. Numbers
   * are exact except Decimal128, which is placed by its nearest double.
   */
  public static boolean isExact(Object value) {
    switch (tagOf(value)) {
      case NULL: case EMPTY_ARRAY: case STRING: case OBJECT_ID: case BOOLEAN: case DATE: case MIN_KEY: case MAX_KEY:
        return true;
      case NUMBER:
        return !(value instanceof Decimal128);
      default:
        return false;
    }
  }

  /**
   * The smallest byte string greater than every string that starts with {@code prefix}; {@code null}
   * when there is none (the prefix is all {@code 0xFF}).
   */
  public static byte[] successor(byte[] prefix) {
    int last = prefix.length - 1;
    while (last >= 0 && prefix[last] == (byte) 0xFF) {
      last--;
    }
    if (last < 0) {
      return null;
    }
    byte[] next = Arrays.copyOf(prefix, last + 1);
    next[last]++;
    return next;
  }

  private static void encodeAscending(Object value, KeyBuilder key) {
    byte tag = tagOf(value);
    key.put(tag);
    switch (tag) {
      case NUMBER:
        encodeNumber((Number) value, key);
        break;
      case STRING:
        encodeString((String) value, key);
        break;
      case OBJECT_ID:
        key.put(((ObjectId) value).toByteArray());
        break;
      case BOOLEAN:
        key.put((byte) (((Boolean) value) ? 1 : 0));
        break;
      case DATE:
        Instant instant = (Instant) value;
        key.putLong(instant.getEpochSecond() ^ SIGN_BIT);
        key.putInt(instant.getNano());
        break;
      case NULL: case EMPTY_ARRAY: case MIN_KEY: case MAX_KEY:
        break;
      default:
        encodeOpaque(value, key);
    }
  }

  /**
   * A number as its nearest double, in an order-preserving form, then a 16-bit correction for the
   * int64 values a double cannot hold exactly (above 2^53 in size), so that every int64 keeps its
   * own place: the server normalizes numbers this way when it compares them for equality.
   */
  private static void encodeNumber(Number number, KeyBuilder key) {
    double approximation = number.doubleValue();
    if (approximation == 0.0) {
      approximation = 0.0; // -0.0 equals 0 for the server
    }
    long correction = 0;
    if (number instanceof Long) {
      long exact = number.longValue();
      // The cast saturates at Long.MAX_VALUE when the double rounded up to 2^63.
      long rounded = approximation >= TWO_TO_THE_63 ? Long.MAX_VALUE : (long) approximation;
      correction = exact - rounded;
    }
    key.putLong(sortableBits(approximation));
    key.putShort((short) (correction ^ Short.MIN_VALUE));
  }

  /** The double's bits arranged so that unsigned order is numeric order, NaN last (as Double.compare). */
  private static long sortableBits(double value) {
    long bits = Double.doubleToLongBits(value);
    return bits >= 0 ? bits ^ SIGN_BIT : ~bits;
  }

  /**
   * UTF-16 code units big-endian, so bytes order as {@link String#compareTo}; each 0x00 byte written
   * as 0x00 0xFF and the end as 0x00 0x01, so that no string's component is a prefix of another's.
   */
  private static void encodeString(String text, KeyBuilder key) {
    for (int i = 0; i < text.length(); i++) {
      char unit = text.charAt(i);
      putEscaped((byte) (unit >>> 8), key);
      putEscaped((byte) unit, key);
    }
    key.put((byte) 0x00).put((byte) 0x01);
  }

  private static void putEscaped(byte b, KeyBuilder key) {
    key.put(b);
    if (b == 0) {
      key.put((byte) 0xFF);
    }
  }

  /** The value's BSON, escaped like a string's bytes: equal values, equal components. */
  private static void encodeOpaque(Object value, KeyBuilder key) {
    byte[] bytes;
    ByteBuf bson = Unpooled.buffer(64);
    try {
      BsonEncoder.encodeDocument(new Document("v", value), bson);
      bytes = new byte[bson.readableBytes()];
      bson.readBytes(bytes);
    } catch (RuntimeException notBson) {
      bytes = String.valueOf(value).getBytes(StandardCharsets.UTF_8);
    } finally {
      bson.release();
    }
    for (byte b : bytes) {
      putEscaped(b, key);
    }
    key.put((byte) 0x00).put((byte) 0x01);
  }
}
