package dev.taskmanager.core.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An API token as stored: never the token itself, only the SHA-256 of its secret part.
 *
 * @param id the public part, which names the token in lists and in {@code task token revoke}
 * @param user the name of the user it acts as
 * @param scope what it may do
 * @param secretHash SHA-256 of the secret part, in hex
 * @param createdAt when it was made
 * @param expiresAt when it stops working, if ever
 * @param lastUsedAt when it was last accepted, to the minute, if ever
 */
public record ApiToken(String id, String user, Scope scope, String secretHash, Instant createdAt,
    Optional<Instant> expiresAt, Optional<Instant> lastUsedAt) {

  public ApiToken {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(secretHash, "secretHash");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(lastUsedAt, "lastUsedAt");
  }

  /** Whether it has stopped working at {@code now}. */
  public boolean expiredAt(Instant now) {
    return expiresAt.map(end -> !now.isBefore(end)).orElse(false);
  }

  /** Without the hash: logs and messages never carry it. */
  @Override
  public String toString() {
    return "ApiToken[" + id + ", " + user + ", " + scope.word() + "]";
  }
}
