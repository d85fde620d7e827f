package dev.taskmanager.core.model;

/**
 * A broken rule in one record of an import.
 *
 * @param index the record's position in the input, from 0; adapters turn it into a line number
 * @param violation what is wrong with it
 */
public record RecordViolation(int index, Violation violation) {

  /** The record's number for people, who count from 1 as editors count lines. */
  public int number() {
    return index + 1;
  }

  /**
   * The violation as one line: {@code record 3: title: is empty; accepted: 1 to 200 characters}, or
   * {@code record 4: is a JSON array; accepted: a JSON object} for the record as a whole.
   */
  public String message() {
    return message(number());
  }

  /**
   * As {@link #message()}, for a record numbered otherwise in its file: an adapter that leaves some
   * records out of the import (Taskwarrior's deleted tasks) counts those too.
   */
  public String message(int recordNumber) {
    return "record " + recordNumber + ": " + (violation.field().equals(ImportRecord.WHOLE_RECORD)
        ? violation.problem() + "; accepted: " + violation.accepted()
        : violation.message());
  }
}
