package dev.taskmanager.mongo.adapter;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.max;
import static com.mongodb.client.model.Updates.setOnInsert;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The id sequence: the {@code settings} collection's one document {@code {name: "task_id", value:
 * <next id>}}. Nothing else ever goes into {@code settings}: the tutorial app reads it with an
 * unfiltered {@code find_one()}.
 *
 * <p>Values are written as int64 and read as any number, since the tutorial app wrote int32.
 */
public final class IdSequence {

  public static final String NAME = "name";
  public static final String VALUE = "value";
  public static final String TASK_ID = "task_id";
  private static final Bson THE_SEQUENCE = eq(NAME, TASK_ID);

  private final MongoCollection<Document> settings;
  private final MongoCollection<Document> bumps;

  public IdSequence(MongoCollection<Document> settings) {
    this.settings = settings;
    this.bumps = settings.withWriteConcern(settings.getWriteConcern().withJournal(false));
  }

  /** Whether the sequence's document is there. */
  private boolean exists() {
    return settings.find(THE_SEQUENCE).first() != null;
  }

  /** Creates the document at 0 unless it exists, so readers of the tutorial's kind find a value. */
  void seedIfMissing() {
    if (!exists()) {
      seed();
    }
  }

  private void seed() {
    settings.updateOne(THE_SEQUENCE, setOnInsert(VALUE, 0L), new UpdateOptions().upsert(true));
  }

  /**
   * An id taken from the sequence.
   *
   * @param id the sequence's value before this take
   * @param fresh whether this take found no sequence and started one at 0: the database was new, or
   *     another program dropped {@code settings} (the tutorial app's reset drops {@code tasks} too)
   */
  record Taken(long id, boolean fresh) {}

  /**
   * The current value, advancing the sequence by one in the same atomic step (ID rule 2). The step
   * need not wait for the journal: the write that stores a task under the id does, and the journal
   * keeps order, so it covers this one. Should the process die in between, the id was never stored
   * nor acknowledged with a task, and handing it out again reuses nothing (ID rule 3).
   */
  Taken take() {
    Document before = bumps.findOneAndUpdate(THE_SEQUENCE, inc(VALUE, 1L),
        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
    return before == null ? new Taken(0, true) : new Taken(valueOf(before), false);
  }

  /** The value the next {@link #take()} returns, unless another writer comes first. */
  long peek() {
    Document current = settings.find(THE_SEQUENCE).first();
    return current == null ? 0 : valueOf(current);
  }

  /** Moves the sequence to {@code next} unless it is already there or beyond (ID rules 5 and 6). */
  public void moveToAtLeast(long next) {
    settings.updateOne(THE_SEQUENCE, max(VALUE, next), new UpdateOptions().upsert(true));
  }

  /** Puts the sequence back to 0, leaving {@code settings} with exactly that one document. */
  void reset() {
    settings.replaceOne(THE_SEQUENCE, new Document(NAME, TASK_ID).append(VALUE, 0L), new ReplaceOptions().upsert(true));
    Document kept = settings.find(THE_SEQUENCE).first();
    if (kept != null) {
      settings.deleteMany(ne("_id", kept.get("_id")));
    }
  }

  private static long valueOf(Document document) {
    Object value = document.get(VALUE);
    return value instanceof Number ? ((Number) value).longValue() : 0;
  }
}
