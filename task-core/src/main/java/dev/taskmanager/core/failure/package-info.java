/**
 * How every failure is told: {@link dev.taskmanager.core.failure.Failure} sorts what was thrown into
 * one of a few {@link dev.taskmanager.core.failure.FailureKind kinds} with the words for the person
 * and the line for the log, once; the page, the API and the command line only render it (an error
 * page, a problem document, a line on standard error with an exit code).
 */
package dev.taskmanager.core.failure;
