package dev.taskmanager.core.memory;

import dev.taskmanager.core.account.ApiToken;
import dev.taskmanager.core.account.TokenNotFoundException;
import dev.taskmanager.core.account.TokenStore;
import dev.taskmanager.core.model.TaskStoreException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link TokenStore} in memory, for embedding and tests. Thread-safe; nothing survives the process. */
public final class InMemoryTokenStore implements TokenStore {

  private static final Comparator<ApiToken> BY_USER_THEN_AGE = Comparator.comparing(ApiToken::user)
      .thenComparing(ApiToken::createdAt).thenComparing(ApiToken::id);

  private final ConcurrentHashMap<String, ApiToken> tokens = new ConcurrentHashMap<>();

  @Override
  public void add(ApiToken token) {
    if (tokens.putIfAbsent(token.id(), token) != null) {
      throw new TaskStoreException("a token with the id " + token.id() + " exists");
    }
  }

  @Override
  public Optional<ApiToken> find(String id) {
    return Optional.ofNullable(tokens.get(id));
  }

  @Override
  public List<ApiToken> list() {
    return tokens.values().stream().sorted(BY_USER_THEN_AGE).toList();
  }

  @Override
  public List<ApiToken> listOf(String user) {
    return tokens.values().stream().filter(token -> token.user().equals(user)).sorted(BY_USER_THEN_AGE).toList();
  }

  @Override
  public void revoke(String id) {
    if (tokens.remove(id) == null) {
      throw new TokenNotFoundException(id);
    }
  }

  @Override
  public long revokeAllOf(String user) {
    List<ApiToken> theirs = listOf(user);
    theirs.forEach(token -> tokens.remove(token.id()));
    return theirs.size();
  }

  @Override
  public void used(String id, Instant at) {
    tokens.computeIfPresent(id, (key, token) -> new ApiToken(token.id(), token.user(), token.scope(),
        token.secretHash(), token.createdAt(), token.expiresAt(), Optional.of(at)));
  }
}
