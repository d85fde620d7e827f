package dev.taskmanager.mongo.backup;

import static dev.taskmanager.mongo.backup.BackupFormat.COLLECTION;
import static dev.taskmanager.mongo.backup.BackupFormat.COLLECTIONS;
import static dev.taskmanager.mongo.backup.BackupFormat.COUNTS;
import static dev.taskmanager.mongo.backup.BackupFormat.CREATED_AT;
import static dev.taskmanager.mongo.backup.BackupFormat.DATABASE;
import static dev.taskmanager.mongo.backup.BackupFormat.DOCUMENT;
import static dev.taskmanager.mongo.backup.BackupFormat.DOCUMENTS;
import static dev.taskmanager.mongo.backup.BackupFormat.END;
import static dev.taskmanager.mongo.backup.BackupFormat.FORMAT;
import static dev.taskmanager.mongo.backup.BackupFormat.FORMAT_FIELD;
import static dev.taskmanager.mongo.backup.BackupFormat.SEQUENCE;
import static dev.taskmanager.mongo.backup.BackupFormat.SHA256;
import static dev.taskmanager.mongo.backup.BackupFormat.VERSION;
import static dev.taskmanager.mongo.backup.BackupFormat.VERSION_FIELD;

import dev.taskmanager.mongo.adapter.IdSequence;
import dev.taskmanager.mongo.adapter.MongoTaskStore;
import dev.taskmanager.mongo.adapter.MongoTokenStore;
import dev.taskmanager.mongo.adapter.MongoUserStore;
import dev.taskmanager.mongo.adapter.TaskDocuments;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.bson.BsonDocument;
import org.bson.BsonInvalidOperationException;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.json.JsonParseException;

/**
 * Reads a backup file from its first line to its last and checks all of it: the header, every
 * document line, the counts, the task ids (whole numbers, none twice) and the checksum. Anything
 * else is refused with a {@link BackupFileException} that says what is wrong.
 */
final class BackupFile {

  /** Where the documents go as they are read; whether the file holds up is known only at its end. */
  interface Documents {
    void accept(String collection, BsonDocument document);
  }

  private static final int BUFFER_BYTES = 1 << 16;
  /** A 16 MB document in canonical Extended JSON, with room to spare. */
  static final int MAX_LINE_CHARS = 64 << 20;

  private final Path file;
  private final MessageDigest digest = sha256();
  private final Map<String, Long> counts = new LinkedHashMap<>();
  private long[] taskIds = new long[1024];
  private int taskCount;
  private long sequence;
  private final Set<String> userNames = new HashSet<>();
  private final Set<String> tokenIds = new HashSet<>();
  private long lineNumber;

  private BackupFile(Path file) {
    this.file = file;
    COLLECTIONS.forEach(collection -> counts.put(collection, 0L));
  }

  /**
   * Reads the whole file, handing each document to {@code documents}, and returns its header once
   * everything has been checked.
   *
   * @throws BackupFileException for a file that cannot be read, or is not a whole, unchanged backup
   */
  static BackupHeader read(Path file, Documents documents) {
    return new BackupFile(file).readAll(documents);
  }

  private BackupHeader readAll(Documents documents) {
    if (Files.isDirectory(file)) {
      throw new BackupFileException(file + ": is a folder; give a backup file");
    }
    try {
      if (Files.size(file) == 0) {
        throw refused("it is empty (0 bytes)");
      }
    } catch (IOException unreadable) {
      // Reported below, when it is opened.
    }
    try (Lines lines = new Lines(new InputStreamReader(
        new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES), BUFFER_BYTES),
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
      String first = lines.readLine();
      lineNumber = 1;
      if (first == null) {
        throw refused("it is empty");
      }
      BackupHeader header = header(parse(first));
      sum(first);
      String line;
      while ((line = lines.readLine()) != null) {
        lineNumber++;
        BsonDocument parsed = parse(line);
        if (parsed.containsKey(END)) {
          checkEnd(parsed);
          if (lines.readLine() != null) {
            throw refused("it goes on after its end line (line " + lineNumber + ")");
          }
          checkAgainst(header);
          return header;
        }
        sum(line);
        document(parsed, documents);
      }
      throw refused("it is cut short: it stops after line " + lineNumber + ", before its end line (was it copied whole?)");
    } catch (ZipException damaged) {
      throw refused(lineNumber == 0 ? "it is not a backup: not gzip-compressed data (a backup is what task backup writes)"
          : "its compressed data is damaged after line " + lineNumber);
    } catch (EOFException cutShort) {
      throw refused("it is cut short: the compressed data stops after line " + lineNumber + " (was it copied whole?)");
    } catch (CharacterCodingException notText) {
      throw refused("it is not a backup: line " + (lineNumber + 1) + " is not UTF-8 text");
    } catch (NoSuchFileException missing) {
      throw new BackupFileException(file + ": there is no such file");
    } catch (AccessDeniedException denied) {
      throw new BackupFileException(file + ": cannot be read (permission denied)");
    } catch (IOException unreadable) {
      throw new BackupFileException(file + ": cannot be read (" + unreadable.getMessage() + ")", unreadable);
    }
  }

  private BackupHeader header(BsonDocument first) {
    if (!(first.get(FORMAT_FIELD) != null && first.get(FORMAT_FIELD).isString()
        && FORMAT.equals(first.getString(FORMAT_FIELD).getValue()))) {
      throw refused("it is not a backup: its first line does not say \"" + FORMAT + "\"");
    }
    long version = wholeNumber(first.get(VERSION_FIELD), "the header's version");
    if (version < 1 || version > VERSION) {
      throw refused("it is in backup format " + version + ", and this program reads formats 1 to " + VERSION
          + (version > VERSION ? " (it was written by a newer version)" : ""));
    }
    try {
      Instant createdAt = Instant.parse(first.getString(CREATED_AT).getValue());
      String database = first.getString(DATABASE).getValue();
      Map<String, Long> headerCounts = new LinkedHashMap<>();
      for (Map.Entry<String, BsonValue> count : first.getDocument(COUNTS).entrySet()) {
        headerCounts.put(count.getKey(), wholeNumber(count.getValue(), "the header's count of " + count.getKey()));
      }
      if (version == 2) {
        // Written when there were users and no tokens yet: it holds none, and a restore leaves none.
        headerCounts.putIfAbsent(MongoTokenStore.COLLECTION, 0L);
      }
      return new BackupHeader((int) version, createdAt, database, headerCounts,
          wholeNumber(first.get(SEQUENCE), "the header's sequence"));
    } catch (BsonInvalidOperationException | DateTimeParseException malformed) {
      throw refused("its header (line 1) is malformed: " + malformed.getMessage());
    }
  }

  private void document(BsonDocument line, Documents documents) {
    BsonValue collectionValue = line.get(COLLECTION);
    BsonValue documentValue = line.get(DOCUMENT);
    if (collectionValue == null || !collectionValue.isString() || documentValue == null || !documentValue.isDocument()) {
      throw refused("line " + lineNumber + " is neither a document nor the end line");
    }
    String collection = collectionValue.asString().getValue();
    if (!counts.containsKey(collection)) {
      throw refused("line " + lineNumber + " is of collection \"" + collection + "\", which a backup does not hold"
          + " (it holds " + String.join(", ", COLLECTIONS) + ")");
    }
    BsonDocument document = documentValue.asDocument();
    if (collection.equals(MongoTaskStore.TASKS)) {
      addTaskId(wholeNumber(document.get(TaskDocuments.ID), "the task id on line " + lineNumber));
    } else if (collection.equals(MongoTaskStore.SETTINGS) && document.get(IdSequence.NAME) != null
        && document.get(IdSequence.NAME).equals(new BsonString(IdSequence.TASK_ID))) {
      sequence = wholeNumber(document.get(IdSequence.VALUE), "the id sequence on line " + lineNumber);
    } else if (collection.equals(MongoUserStore.COLLECTION)) {
      String name;
      try {
        name = MongoUserStore.userOf(document).name();
      } catch (IllegalArgumentException malformed) {
        throw refused("line " + lineNumber + " holds no user: " + malformed.getMessage());
      }
      if (!userNames.add(name)) {
        throw refused("two of its users are named " + name);
      }
    } else if (collection.equals(MongoTokenStore.COLLECTION)) {
      String id;
      try {
        id = MongoTokenStore.tokenOf(document).id();
      } catch (IllegalArgumentException malformed) {
        throw refused("line " + lineNumber + " holds no API token: " + malformed.getMessage());
      }
      if (!tokenIds.add(id)) {
        throw refused("two of its API tokens have the id " + id);
      }
    }
    counts.merge(collection, 1L, Long::sum);
    documents.accept(collection, document);
  }

  private void checkEnd(BsonDocument end) {
    String expected = HexFormat.of().formatHex(digest.digest());
    BsonValue sha = end.get(SHA256);
    if (sha == null || !sha.isString() || !expected.equals(sha.asString().getValue())) {
      throw refused("its checksum does not match its contents: it was changed or damaged after task backup wrote it");
    }
    long documents = counts.values().stream().mapToLong(Long::longValue).sum();
    if (wholeNumber(end.get(DOCUMENTS), "the end line's count") != documents) {
      throw refused("its end line counts " + end.get(DOCUMENTS) + " documents, and it holds " + documents);
    }
  }

  private void checkAgainst(BackupHeader header) {
    for (Map.Entry<String, Long> count : counts.entrySet()) {
      if (header.count(count.getKey()) != count.getValue()) {
        throw refused("its header counts " + header.count(count.getKey()) + " documents in " + count.getKey()
            + ", and it holds " + count.getValue());
      }
    }
    if (header.sequence() != sequence) {
      throw refused("its header gives the id sequence as " + header.sequence() + ", and its settings as " + sequence);
    }
    long[] ids = Arrays.copyOf(taskIds, taskCount);
    Arrays.sort(ids);
    for (int i = 1; i < ids.length; i++) {
      if (ids[i] == ids[i - 1]) {
        throw refused("two of its tasks have the id " + ids[i]);
      }
    }
  }

  private void addTaskId(long id) {
    if (taskCount == taskIds.length) {
      taskIds = Arrays.copyOf(taskIds, taskCount * 2);
    }
    taskIds[taskCount++] = id;
  }

  private BsonDocument parse(String line) {
    try {
      return BsonDocument.parse(line);
    } catch (JsonParseException | BsonInvalidOperationException | IllegalArgumentException notJson) {
      throw refused("line " + lineNumber + " is not a JSON object of a backup");
    }
  }

  /** A whole number from 0 up, as BSON may hold one: int32, int64, or a double without a fraction. */
  private long wholeNumber(BsonValue value, String what) {
    if (value != null) {
      if (value.isInt32() || value.isInt64()) {
        long number = value.asNumber().longValue();
        if (number >= 0) {
          return number;
        }
      } else if (value.isDouble()) {
        double number = value.asDouble().getValue();
        if (number >= 0 && number <= Long.MAX_VALUE && number == Math.rint(number)) {
          return (long) number;
        }
      }
    }
    throw refused(what + " is not a whole number from 0 up");
  }

  private void sum(String line) {
    digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private BackupFileException refused(String problem) {
    return new BackupFileException(file + ": " + problem + "; nothing was changed");
  }

  /**
   * The file's lines, each at most {@link #MAX_LINE_CHARS} long: a document is at most 16 MB of BSON,
   * and a file that is no backup must not take all the memory for one line.
   */
  private final class Lines implements AutoCloseable {
    private final Reader in;
    private final char[] buffer = new char[BUFFER_BYTES];
    private int position;
    private int limit;

    Lines(Reader in) {
      this.in = in;
    }

    /** The next line without its newline, or null at the end. */
    String readLine() throws IOException {
      StringBuilder line = new StringBuilder();
      while (true) {
        if (position == limit) {
          limit = in.read(buffer);
          position = 0;
          if (limit < 0) {
            limit = 0;
            return line.length() == 0 ? null : line.toString();
          }
        }
        int start = position;
        while (position < limit && buffer[position] != '\n') {
          position++;
        }
        line.append(buffer, start, position - start);
        if (line.length() > MAX_LINE_CHARS) {
          throw refused("line " + (lineNumber + 1) + " is longer than any document of a backup (" + MAX_LINE_CHARS
              + " characters)");
        }
        if (position < limit) {
          position++;
          return line.toString();
        }
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException required) {
      // Every Java platform has SHA-256.
      throw new IllegalStateException(required);
    }
  }
}
