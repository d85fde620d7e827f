package dev.taskmanager.embeddedmongo.index;

import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.DataType;

/**
 * How an index entry's value, the document's position (its {@code _id}, exactly as stored), is kept
 * in the file: the usual kinds of {@code _id} in a few bytes, anything else as {@code fallback}
 * writes it. Every commit writes again the whole leaf pages it touched, a hundred entries each, so
 * the values' encoding is paid many times over: as BSON documents it was a fifth of a create's CPU.
 */
public final class PositionType extends BasicDataType<Object> {

  private static final byte OTHER = 0;
  private static final byte OBJECT_ID = 1;
  private static final byte INT = 2;
  private static final byte LONG = 3;
  private static final byte DOUBLE = 4;
  private static final byte STRING = 5;

  private final DataType<Object> fallback;

  /** @param fallback the type for positions of other kinds (the documents' value type) */
  public PositionType(DataType<Object> fallback) {
    this.fallback = fallback;
  }

  @Override
  public void write(WriteBuffer buffer, Object position) {
    if (position instanceof ObjectId id) {
      buffer.put(OBJECT_ID).put(id.toByteArray());
    } else if (position instanceof Integer number) {
      buffer.put(INT).putInt(number);
    } else if (position instanceof Long number) {
      buffer.put(LONG).putLong(number);
    } else if (position instanceof Double number) {
      buffer.put(DOUBLE).putDouble(number);
    } else if (position instanceof String text) {
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      buffer.put(STRING).putVarInt(utf8.length).put(utf8);
    } else {
      buffer.put(OTHER);
      fallback.write(buffer, position);
    }
  }

  @Override
  public Object read(ByteBuffer buffer) {
    switch (buffer.get()) {
      case OBJECT_ID:
        byte[] id = new byte[12];
        buffer.get(id);
        return new ObjectId(id);
      case INT:
        return buffer.getInt();
      case LONG:
        return buffer.getLong();
      case DOUBLE:
        return buffer.getDouble();
      case STRING:
        byte[] utf8 = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
      default:
        return fallback.read(buffer);
    }
  }

  @Override
  public int getMemory(Object position) {
    return position instanceof String text ? 48 + 2 * text.length() : 32;
  }

  @Override
  public Object[] createStorage(int size) {
    return new Object[size];
  }
}
