package dev.taskmanager.cli.io;

import java.io.IOException;
import java.io.InputStream;

/** Reads the records of an import file in one format. The stream is read to its end, not closed. */
public interface RecordReader {

  ReadResult read(InputStream in) throws IOException;
}
