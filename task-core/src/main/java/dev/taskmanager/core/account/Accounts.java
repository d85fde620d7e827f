package dev.taskmanager.core.account;

import dev.taskmanager.core.model.Violation;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The use cases on users: add one, change a password or a role, remove one (and their tokens), list
 * them. Names and
 * passwords are checked here, once, whichever face they came from.
 */
public final class Accounts {

  private final UserStore users;
  private final TokenStore tokens;
  private final Passwords passwords;
  private final Clock clock;

  public Accounts(UserStore users, TokenStore tokens, Passwords passwords, Clock clock) {
    this.users = users;
    this.tokens = tokens;
    this.passwords = passwords;
    this.clock = clock;
  }

  /**
   * Adds a user.
   *
   * @throws InvalidAccountException naming every rule the name and password break, or that the name
   *     is taken
   */
  public User add(String name, Role role, char[] password) {
    List<Violation> violations = new ArrayList<>();
    AccountRules.checkName(name).ifPresent(violations::add);
    AccountRules.checkPassword(password, name, passwords).ifPresent(violations::add);
    if (!violations.isEmpty()) {
      throw new InvalidAccountException(violations);
    }
    if (users.find(name).isPresent()) {
      throw nameTaken(name);
    }
    User user = User.added(name, role, passwords.hash(password), now());
    users.add(user);
    return user;
  }

  /**
   * Sets a user's password; the sessions that user began before are over.
   *
   * @throws UserNotFoundException when no user has that name
   * @throws InvalidAccountException when the password breaks a rule
   */
  public User changePassword(String name, char[] password) {
    existing(name);
    AccountRules.checkPassword(password, name, passwords).ifPresent(violation -> {
      throw new InvalidAccountException(violation);
    });
    return users.setPassword(name, passwords.hash(password), now());
  }

  /** @throws UserNotFoundException when no user has that name */
  public User changeRole(String name, Role role) {
    return users.setRole(name, role);
  }

  /**
   * Removes a user, and their API tokens with them.
   *
   * @throws UserNotFoundException when no user has that name
   */
  public void remove(String name) {
    existing(name);
    // The tokens first: a failure between the two leaves a user without tokens, never tokens
    // without their user (which a user added later under the same name must not inherit either).
    tokens.revokeAllOf(name);
    users.remove(name);
  }

  /** Every user, by name. */
  public List<User> list() {
    return users.list();
  }

  /** @throws UserNotFoundException when no user has that name */
  public User existing(String name) {
    return users.find(name).orElseThrow(() -> new UserNotFoundException(name));
  }

  public Optional<User> find(String name) {
    return users.find(name);
  }

  /** What a store says when a user has the name already. */
  public static InvalidAccountException nameTaken(String name) {
    return new InvalidAccountException(new Violation("name", "\"" + name + "\" is taken by another user",
        "a name no user has"));
  }

  /** Stores keep milliseconds (MongoDB's dates do), so every store reads back what it was given. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
