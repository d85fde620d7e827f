package dev.taskmanager.core.account;

import dev.taskmanager.core.model.TaskException;

/** No user has the name asked for. */
public final class UserNotFoundException extends TaskException {

  private static final long serialVersionUID = 1L;

  private final String name;

  public UserNotFoundException(String name) {
    super("user \"" + AccountRules.printable(name) + "\" does not exist");
    this.name = name;
  }

  public String name() {
    return name;
  }
}
