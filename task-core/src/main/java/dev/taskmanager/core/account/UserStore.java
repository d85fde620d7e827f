package dev.taskmanager.core.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where users are kept: a port, like the task store, with a contract suite every implementation
 * passes (UserStoreContract in the test-jar). Each change is one atomic write of the fields it
 * names, so that two at once (a sign-in recorded while the password changes) never undo each other.
 */
public interface UserStore {

  /**
   * Stores a new user.
   *
   * @throws InvalidAccountException when a user has that name already
   */
  void add(User user);

  /** The user with this name, if any. */
  Optional<User> find(String name);

  /** Every user, by name. */
  List<User> list();

  /** How many users there are. */
  long count();

  /**
   * Sets a user's password hash and when it changed.
   *
   * @return the user as stored now
   * @throws UserNotFoundException when no user has that name
   */
  User setPassword(String name, String passwordHash, Instant changedAt);

  /**
   * Sets a user's role.
   *
   * @return the user as stored now
   * @throws UserNotFoundException when no user has that name
   */
  User setRole(String name, Role role);

  /** Notes when a user signed in; nothing when the user is gone. */
  void signedIn(String name, Instant at);

  /**
   * Removes a user.
   *
   * @throws UserNotFoundException when no user has that name
   */
  void remove(String name);
}
