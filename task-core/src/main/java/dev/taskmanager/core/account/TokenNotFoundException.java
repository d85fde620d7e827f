package dev.taskmanager.core.account;

import dev.taskmanager.core.model.TaskException;
import dev.taskmanager.core.text.Excerpts;

/** No API token has the id asked for. */
public final class TokenNotFoundException extends TaskException {

  private static final long serialVersionUID = 1L;
  /** An id's length, and no more: what was given may be a secret. */
  private static final int SHOWN = 12;

  public TokenNotFoundException(String id) {
    super("token \"" + Excerpts.oneLine(id, SHOWN) + "\" does not exist");
  }
}
