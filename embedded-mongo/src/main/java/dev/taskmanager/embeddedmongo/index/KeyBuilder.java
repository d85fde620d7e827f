package dev.taskmanager.embeddedmongo.index;

import java.util.Arrays;

/** A growable byte string for building keys. Not thread-safe. */
public final class KeyBuilder {

  private byte[] bytes;
  private int length;

  public KeyBuilder(int capacity) {
    this.bytes = new byte[Math.max(capacity, 8)];
  }

  /** A builder that starts with a copy of {@code prefix}. */
  public static KeyBuilder startingWith(byte[] prefix) {
    KeyBuilder key = new KeyBuilder(prefix.length + 16);
    return key.put(prefix);
  }

  public int length() {
    return length;
  }

  public KeyBuilder put(byte b) {
    ensure(1);
    bytes[length++] = b;
    return this;
  }

  public KeyBuilder put(byte[] more) {
    ensure(more.length);
    System.arraycopy(more, 0, bytes, length, more.length);
    length += more.length;
    return this;
  }

  KeyBuilder putShort(short value) {
    return put((byte) (value >>> 8)).put((byte) value);
  }

  KeyBuilder putInt(int value) {
    return putShort((short) (value >>> 16)).putShort((short) value);
  }

  KeyBuilder putLong(long value) {
    return putInt((int) (value >>> 32)).putInt((int) value);
  }

  /** Inverts every byte from {@code start} on: a descending field's component. */
  void invertFrom(int start) {
    for (int i = start; i < length; i++) {
      bytes[i] = (byte) ~bytes[i];
    }
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, length);
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }
}
