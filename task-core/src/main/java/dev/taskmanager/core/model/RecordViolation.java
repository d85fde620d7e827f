package dev.taskmanager.core.model;

/**
 * A broken rule in one record of an import.
 *
 * @param index the record's position in the input, from 0; adapters turn it into a line number
 * @param violation what is wrong with it
 */
public record RecordViolation(int index, Violation violation) {}
