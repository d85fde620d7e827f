package dev.taskmanager.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskmanager.core.account.InvalidAccountException;
import dev.taskmanager.core.account.Role;
import dev.taskmanager.core.account.User;
import dev.taskmanager.core.account.UserNotFoundException;
import dev.taskmanager.core.account.UserStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UserStore} must do. A store proves it by extending this class and giving a fresh,
 * empty store from {@link #newUserStore()} for each test; {@link #closeUserStore()} closes what it
 * opened.
 */
public abstract class UserStoreContract {

  private static final Instant ADDED = Instant.parse("2026-12-06T10:00:00.123Z");
  private static final Instant LATER = Instant.parse("2026-12-07T08:30:00.456Z");

  protected UserStore users;

  protected abstract UserStore newUserStore();

  protected void closeUserStore() {}

  @BeforeEach
  void openUserStore() {
    users = newUserStore();
  }

  @AfterEach
  void close() {
    closeUserStore();
  }

  private static User user(String name, Role role) {
    return User.added(name, role, "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$" + name, ADDED);
  }

  @Test
  void aStoredUserIsFoundByNameWithEveryField() {
    users.add(user("ann", Role.EDITOR));

    assertThat(users.find("ann")).contains(user("ann", Role.EDITOR));
    assertThat(users.find("ann").orElseThrow().lastSignInAt()).isEmpty();
    assertThat(users.find("bob")).isEmpty();
    assertThat(users.find("Ann")).describedAs("names are exact").isEmpty();
  }

  @Test
  void aSecondUserWithTheSameNameIsRefusedAndTheFirstIsKept() {
    users.add(user("ann", Role.ADMIN));

    assertThatThrownBy(() -> users.add(user("ann", Role.VIEWER)))
        .isInstanceOf(InvalidAccountException.class)
        .hasMessage("name: \"ann\" is taken by another user; accepted: a name no user has");
    assertThat(users.find("ann").orElseThrow().role()).isEqualTo(Role.ADMIN);
    assertThat(users.count()).isEqualTo(1);
  }

  @Test
  void usersAreListedByNameAndCounted() {
    assertThat(users.list()).isEmpty();
    assertThat(users.count()).isZero();
    users.add(user("zoe", Role.VIEWER));
    users.add(user("ann", Role.ADMIN));
    users.add(user("bob.smith", Role.EDITOR));

    assertThat(users.list()).extracting(User::name).containsExactly("ann", "bob.smith", "zoe");
    assertThat(users.count()).isEqualTo(3);
  }

  @Test
  void aNewPasswordReplacesTheHashAndSaysWhenAndNothingElseChanges() {
    users.add(user("ann", Role.EDITOR));

    User changed = users.setPassword("ann", "$argon2id$new", LATER);

    User expected = new User("ann", Role.EDITOR, "$argon2id$new", ADDED, LATER, Optional.empty());
    assertThat(changed).isEqualTo(expected);
    assertThat(users.find("ann")).contains(expected);
  }

  @Test
  void aNewRoleReplacesTheRoleAndNothingElseChanges() {
    users.add(user("ann", Role.VIEWER));

    User changed = users.setRole("ann", Role.ADMIN);

    assertThat(changed).isEqualTo(new User("ann", Role.ADMIN, user("ann", Role.VIEWER).passwordHash(), ADDED, ADDED,
        Optional.empty()));
    assertThat(users.find("ann")).contains(changed);
  }

  @Test
  void aSignInIsNotedAndNothingElseChanges() {
    users.add(user("ann", Role.EDITOR));

    users.signedIn("ann", LATER);
    users.signedIn("ghost", LATER);

    assertThat(users.find("ann")).contains(new User("ann", Role.EDITOR, user("ann", Role.EDITOR).passwordHash(),
        ADDED, ADDED, Optional.of(LATER)));
    assertThat(users.count()).isEqualTo(1);
  }

  @Test
  void aRemovedUserIsGoneAndOthersStay() {
    users.add(user("ann", Role.ADMIN));
    users.add(user("bob", Role.VIEWER));

    users.remove("bob");

    assertThat(users.find("bob")).isEmpty();
    assertThat(users.list()).extracting(User::name).containsExactly("ann");
  }

  @Test
  void changingOrRemovingSomeoneWhoDoesNotExistSaysSo() {
    assertThatThrownBy(() -> users.setPassword("ghost", "$x", LATER))
        .isInstanceOf(UserNotFoundException.class).hasMessage("user \"ghost\" does not exist");
    assertThatThrownBy(() -> users.setRole("ghost", Role.ADMIN)).isInstanceOf(UserNotFoundException.class);
    assertThatThrownBy(() -> users.remove("ghost")).isInstanceOf(UserNotFoundException.class);
    assertThat(users.count()).isZero();
  }

  @Test
  void ofManyAddingTheSameNameAtOnceExactlyOneSucceeds() throws Exception {
    int writers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        Role role = Role.values()[i % Role.values().length];
        Callable<Boolean> add = () -> {
          try {
            users.add(user("same", role));
            return true;
          } catch (InvalidAccountException taken) {
            return false;
          }
        };
        results.add(pool.submit(add));
      }
      int added = 0;
      for (Future<Boolean> result : results) {
        added += result.get() ? 1 : 0;
      }
      assertThat(added).isEqualTo(1);
      assertThat(users.count()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
