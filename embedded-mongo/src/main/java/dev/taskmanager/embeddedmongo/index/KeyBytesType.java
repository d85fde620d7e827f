package dev.taskmanager.embeddedmongo.index;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/** How an index's keys are kept in the H2 file: byte strings in unsigned lexicographic order. */
public final class KeyBytesType extends BasicDataType<byte[]> {

  public static final KeyBytesType INSTANCE = new KeyBytesType();

  private KeyBytesType() {}

  @Override
  public int compare(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }

  @Override
  public int getMemory(byte[] key) {
    return 24 + key.length;
  }

  @Override
  public void write(WriteBuffer buffer, byte[] key) {
    buffer.putVarInt(key.length).put(key);
  }

  @Override
  public byte[] read(ByteBuffer buffer) {
    byte[] key = new byte[DataUtils.readVarInt(buffer)];
    buffer.get(key);
    return key;
  }

  @Override
  public byte[][] createStorage(int size) {
    return new byte[size][];
  }
}
