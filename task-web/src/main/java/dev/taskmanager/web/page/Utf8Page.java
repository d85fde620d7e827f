package dev.taskmanager.web.page;

import java.io.Writer;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A page written straight as UTF-8 bytes, ASCII a byte at a time. A page of 100 tasks is ~60 KB,
 * nearly all ASCII; the buffered {@code OutputStreamWriter} before it copied each character twice
 * and sent it through a general charset encoder, a sixth of the page's time in a profile, and a
 * String built first cost more still. Characters beyond ASCII are encoded as the JDK's encoder
 * does, a half surrogate pair as {@code ?}.
 */
final class Utf8Page extends Writer {

  private byte[] bytes;
  private int size;
  /** A high surrogate written last, its low half still to come; 0 when none. */
  private char high;
  private final char[] chars = new char[2048];

  Utf8Page(int capacity) {
    bytes = new byte[capacity];
  }

  @Override
  public void write(String text, int offset, int length) {
    // In runs copied to a char array: the loop over an array compiles to less than charAt's.
    for (int done = 0; done < length; done += chars.length) {
      int run = Math.min(chars.length, length - done);
      text.getChars(offset + done, offset + done + run, chars, 0);
      write(chars, 0, run);
    }
  }

  @Override
  public void write(String text) {
    write(text, 0, text.length());
  }

  @Override
  public void write(char[] text, int offset, int length) {
    room(length);
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      char c = text[i];
      if (c < 0x80 && high == 0) {
        bytes[size++] = (byte) c;
      } else {
        write(c, end - i - 1);
      }
    }
  }

  @Override
  public void write(int c) {
    write((char) c, 0);
  }

  /** Writes a character beyond ASCII, or any after a high surrogate, keeping room for those left. */
  private void write(char c, int left) {
    room(4 + left);
    if (high != 0) {
      char first = high;
      high = 0;
      if (Character.isLowSurrogate(c)) {
        int codePoint = Character.toCodePoint(first, c);
        bytes[size++] = (byte) (0xF0 | codePoint >> 18);
        bytes[size++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
        bytes[size++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
        bytes[size++] = (byte) (0x80 | codePoint & 0x3F);
        return;
      }
      // Half a pair: '?', as the JDK's encoder writes it.
      bytes[size++] = '?';
    }
    if (c < 0x80) {
      bytes[size++] = (byte) c;
    } else if (c < 0x800) {
      bytes[size++] = (byte) (0xC0 | c >> 6);
      bytes[size++] = (byte) (0x80 | c & 0x3F);
    } else if (Character.isHighSurrogate(c)) {
      high = c;
    } else if (Character.isLowSurrogate(c)) {
      bytes[size++] = '?';
    } else {
      bytes[size++] = (byte) (0xE0 | c >> 12);
      bytes[size++] = (byte) (0x80 | c >> 6 & 0x3F);
      bytes[size++] = (byte) (0x80 | c & 0x3F);
    }
  }

  /** The page's bytes, handed over without a copy. */
  ByteBuffer bytes() {
    if (high != 0) {
      // Half a pair at the very end.
      room(1);
      bytes[size++] = '?';
      high = 0;
    }
    return ByteBuffer.wrap(bytes, 0, size);
  }

  /** Makes room for {@code length} more ASCII characters (each other one makes its own). */
  private void room(int length) {
    if (bytes.length - size < length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + length));
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
