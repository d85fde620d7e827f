package dev.taskmanager.core.model;

/**
 * What a store holds at a glance.
 *
 * @param count how many tasks are stored
 * @param nextId the id the sequence offers next; a create may still skip past it if another program
 *     stored that id (ID rule 5)
 */
public record TaskStats(long count, long nextId) {}
