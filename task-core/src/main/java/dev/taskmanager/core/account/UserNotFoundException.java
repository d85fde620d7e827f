package dev.taskmanager.core.account;

import dev.taskmanager.core.model.TaskException;
import dev.taskmanager.core.text.Excerpts;

/** No user has the name asked for. */
public final class UserNotFoundException extends TaskException {

  private static final long serialVersionUID = 1L;

  private final String name;

  public UserNotFoundException(String name) {
    super("user " + Excerpts.quote(name) + " does not exist");
    this.name = name;
  }

  public String name() {
    return name;
  }
}
