package dev.taskmanager.mongo.adapter;

import java.time.Instant;
import java.util.Optional;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Reads the fields of the documents this adapter writes for users and tokens, saying which one is
 * missing or of the wrong type (as {@link IllegalArgumentException}) when another program wrote them.
 */
final class StoredFields {

  private StoredFields() {}

  static String string(BsonDocument document, String field) {
    BsonValue value = document.get(field);
    if (value == null || !value.isString()) {
      throw new IllegalArgumentException(field + " is " + (value == null ? "missing" : "not a string"));
    }
    return value.asString().getValue();
  }

  static Instant instant(BsonDocument document, String field) {
    BsonValue value = document.get(field);
    if (value == null || !value.isDateTime()) {
      throw new IllegalArgumentException(field + " is " + (value == null ? "missing" : "not a date"));
    }
    return Instant.ofEpochMilli(value.asDateTime().getValue());
  }

  /** A date that may be missing (or null). */
  static Optional<Instant> optionalInstant(BsonDocument document, String field) {
    BsonValue value = document.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(instant(document, field));
  }

  static BsonDateTime date(Instant instant) {
    return new BsonDateTime(instant.toEpochMilli());
  }
}
