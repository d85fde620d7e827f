package dev.taskmanager.core.memory;

import dev.taskmanager.core.account.Accounts;
import dev.taskmanager.core.account.Role;
import dev.taskmanager.core.account.User;
import dev.taskmanager.core.account.UserNotFoundException;
import dev.taskmanager.core.account.UserStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.UnaryOperator;

/** A {@link UserStore} in memory, for embedding and tests. Thread-safe; nothing survives the process. */
public final class InMemoryUserStore implements UserStore {

  private final ConcurrentSkipListMap<String, User> users = new ConcurrentSkipListMap<>();

  @Override
  public void add(User user) {
    if (users.putIfAbsent(user.name(), user) != null) {
      throw Accounts.nameTaken(user.name());
    }
  }

  @Override
  public Optional<User> find(String name) {
    return Optional.ofNullable(users.get(name));
  }

  @Override
  public List<User> list() {
    return List.copyOf(users.values());
  }

  @Override
  public long count() {
    return users.size();
  }

  @Override
  public User setPassword(String name, String passwordHash, Instant changedAt) {
    return change(name, user -> new User(user.name(), user.role(), passwordHash, user.createdAt(), changedAt,
        user.lastSignInAt()));
  }

  @Override
  public User setRole(String name, Role role) {
    return change(name, user -> new User(user.name(), role, user.passwordHash(), user.createdAt(),
        user.passwordChangedAt(), user.lastSignInAt()));
  }

  @Override
  public void signedIn(String name, Instant at) {
    users.computeIfPresent(name, (key, user) -> new User(user.name(), user.role(), user.passwordHash(),
        user.createdAt(), user.passwordChangedAt(), Optional.of(at)));
  }

  @Override
  public void remove(String name) {
    if (users.remove(name) == null) {
      throw new UserNotFoundException(name);
    }
  }

  private User change(String name, UnaryOperator<User> change) {
    User changed = users.computeIfPresent(name, (key, user) -> change.apply(user));
    if (changed == null) {
      throw new UserNotFoundException(name);
    }
    return changed;
  }
}
