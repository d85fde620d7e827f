package dev.taskmanager.cli.io;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reads input as UTF-8, refusing bytes that are not (a binary file), and drops a leading BOM. */
public final class Utf8 {

  public static final String NOT_TEXT = "is not UTF-8 text (a binary file?); accepted: a UTF-8 text file";

  private Utf8() {}

  /**
   * A reader that throws {@link java.nio.charset.CharacterCodingException} where the bytes stop being
   * UTF-8. Nothing is read until the caller reads, so that error comes from the caller's reads.
   */
  public static Reader strictReader(InputStream in) {
    Reader decoded = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
    return new FilterReader(new PushbackReader(decoded, 1)) {
      private boolean started;

      @Override
      public int read() throws IOException {
        skipByteOrderMark();
        return super.read();
      }

      @Override
      public int read(char[] buffer, int offset, int length) throws IOException {
        skipByteOrderMark();
        return super.read(buffer, offset, length);
      }

      private void skipByteOrderMark() throws IOException {
        if (started) {
          return;
        }
        started = true;
        PushbackReader pushback = (PushbackReader) in;
        int first = pushback.read();
        if (first >= 0 && first != '\uFEFF') {
          pushback.unread(first);
        }
      }
    };
  }
}
