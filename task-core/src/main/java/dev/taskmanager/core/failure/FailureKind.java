package dev.taskmanager.core.failure;

/** What went wrong, as far as the person told about it is concerned: each face maps it to its own terms. */
public enum FailureKind {
  /** Values broke rules: the person can fix them. Not logged: their input is the whole story. */
  INVALID_INPUT,
  /** No task has the id asked for (or no user the name, no token the id). Not logged. */
  NOT_FOUND,
  /** The store did not answer or refused: try again later. Logged as a warning, in the store's words. */
  STORE_UNAVAILABLE,
  /** A bug: nobody expected it. Logged as an error with its stack trace; the person sees no details. */
  INTERNAL
}
