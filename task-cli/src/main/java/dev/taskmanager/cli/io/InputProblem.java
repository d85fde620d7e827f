package dev.taskmanager.cli.io;

/**
 * A problem with the input as a whole at one position, such as a JSON syntax error, after which the
 * rest of the input cannot be read.
 *
 * @param line from 1
 * @param column from 1, or 0 when unknown
 * @param message what is wrong and what is accepted
 */
public record InputProblem(long line, long column, String message) {}
