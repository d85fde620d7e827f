package dev.taskmanager.cli;

import com.google.inject.Inject;
import dev.taskmanager.cli.store.OpenedStore;
import dev.taskmanager.core.account.Accounts;
import dev.taskmanager.core.account.Passwords;
import dev.taskmanager.core.account.Role;
import dev.taskmanager.core.account.Scope;
import dev.taskmanager.core.account.Tokens;
import java.util.Arrays;
import java.util.Iterator;

/**
 * A {@code task user} or {@code task token} command: works on the store's users and tokens through
 * the core's use cases.
 */
abstract class AccountCommand<I> extends StoreCommand<I> {

  @Inject
  Passwords passwords;

  @Inject
  Terminal terminal;

  Accounts accounts(OpenedStore store) {
    return new Accounts(store.users(), store.tokens(), passwords, systemClock);
  }

  Tokens tokens(OpenedStore store) {
    return new Tokens(store.tokens(), store.users(), systemClock);
  }

  /** After a change that left nobody able to manage users: how to get one back. */
  void warnIfNoAdminLeft(Accounts accounts) {
    if (accounts.list().stream().noneMatch(user -> user.role() == Role.ADMIN)) {
      err().println("note: no admin is left to manage users on the page; make one with task user add NAME --role admin"
          + " or task user role NAME admin");
    }
  }

  /** The roles' words, for help and shell completion. */
  static final class RoleWords implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(Role.values()).map(Role::word).iterator();
    }
  }

  /** The scopes' words, for help and shell completion. */
  static final class ScopeWords implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(Scope.values()).map(Scope::word).iterator();
    }
  }
}
