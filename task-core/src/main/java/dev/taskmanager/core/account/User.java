package dev.taskmanager.core.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user as stored.
 *
 * @param name unique, as {@link AccountRules#checkName} accepts it
 * @param role what the user may do
 * @param passwordHash the password's hash as {@link Passwords#hash} made it (it names its algorithm
 *     and parameters); never the password
 * @param createdAt when the user was added
 * @param passwordChangedAt when the password was last set (at first, when the user was added):
 *     sessions that began before it are over
 * @param lastSignInAt when the user last signed in, if ever
 */
public record User(String name, Role role, String passwordHash, Instant createdAt, Instant passwordChangedAt,
    Optional<Instant> lastSignInAt) {

  public User {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(passwordChangedAt, "passwordChangedAt");
    Objects.requireNonNull(lastSignInAt, "lastSignInAt");
  }

  /** A new user, who has never signed in. */
  public static User added(String name, Role role, String passwordHash, Instant at) {
    return new User(name, role, passwordHash, at, at, Optional.empty());
  }

  /** Without the hash: logs and error messages never carry it. */
  @Override
  public String toString() {
    return "User[" + name + ", " + role.word() + ", created " + createdAt + "]";
  }
}
