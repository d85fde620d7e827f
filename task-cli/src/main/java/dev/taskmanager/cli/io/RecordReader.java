package dev.taskmanager.cli.io;

import java.io.IOException;
import java.io.InputStream;

/** Reads the records of an import file in one format. The stream is read to its end, not closed. */
public interface RecordReader {

  /**
   * The longest value read: far beyond any valid field (a description takes 2000 characters), so
   * the core still names a too-long one, yet bounded, so no input can fill the memory.
   */
  int MAX_VALUE_CHARS = 64 * 1024;
  /** The longest record (a line of JSON Lines, a CSV record): four values of the longest. */
  int MAX_RECORD_CHARS = 4 * MAX_VALUE_CHARS;

  ReadResult read(InputStream in) throws IOException;
}
