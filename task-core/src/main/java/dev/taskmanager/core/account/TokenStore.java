package dev.taskmanager.core.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where API tokens are kept: a port, with a contract suite every implementation passes (TokenStoreContract). */
public interface TokenStore {

  /**
   * Stores a new token.
   *
   * @throws dev.taskmanager.core.model.TaskStoreException when a token has that id already (ids are
   *     random: the use case checks first)
   */
  void add(ApiToken token);

  /** The token with this id, if any. */
  Optional<ApiToken> find(String id);

  /** Every token, by user, then by when it was made. */
  List<ApiToken> list();

  /** The tokens of one user, by when they were made. */
  List<ApiToken> listOf(String user);

  /**
   * Removes a token: it stops working at once.
   *
   * @throws TokenNotFoundException when no token has that id
   */
  void revoke(String id);

  /** Removes every token of a user; how many there were. */
  long revokeAllOf(String user);

  /** Notes when a token was last accepted; nothing when it is gone. */
  void used(String id, Instant at);
}
