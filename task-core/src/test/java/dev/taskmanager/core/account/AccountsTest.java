package dev.taskmanager.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskmanager.core.contract.TestPasswords;
import dev.taskmanager.core.memory.InMemoryTokenStore;
import dev.taskmanager.core.memory.InMemoryUserStore;
import dev.taskmanager.core.model.Violation;
import org.assertj.core.groups.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AccountsTest {

  private final InMemoryUserStore users = new InMemoryUserStore();
  private final TestPasswords passwords = new TestPasswords();
  private final Accounts accounts = at("2026-12-06T10:00:00.123456Z");

  /** The use cases on the same users, at another time. */
  private Accounts at(String time) {
    return new Accounts(users, new InMemoryTokenStore(), passwords, Clock.fixed(Instant.parse(time), ZoneOffset.UTC));
  }

  @Test
  void anAddedUserIsStoredWithTheHashOfThePasswordNeverThePassword() {
    User ann = accounts.add("ann", Role.EDITOR, "violet-tram-oyster".toCharArray());

    assertThat(users.find("ann")).contains(ann);
    assertThat(ann.passwordHash()).isNotEqualTo("violet-tram-oyster");
    assertThat(passwords.matches("violet-tram-oyster".toCharArray(), ann.passwordHash())).isTrue();
    assertThat(ann.createdAt()).isEqualTo(Instant.parse("2026-12-06T10:00:00.123Z"));
    assertThat(ann.passwordChangedAt()).isEqualTo(ann.createdAt());
    assertThat(ann.lastSignInAt()).isEmpty();
    assertThat(ann.toString()).doesNotContain(ann.passwordHash());
  }

  @Test
  void everyBrokenRuleIsReportedAtOnceAndNothingIsStored() {
    assertThatThrownBy(() -> accounts.add("Ann Smith", Role.VIEWER, "short".toCharArray()))
        .isInstanceOfSatisfying(InvalidAccountException.class, invalid ->
            assertThat(invalid.violations()).extracting(Violation::field).containsExactly("name", "password"));
    assertThat(users.count()).isZero();
  }

  @Test
  void aTakenNameIsRefused() {
    accounts.add("ann", Role.ADMIN, "violet-tram-oyster".toCharArray());

    assertThatThrownBy(() -> accounts.add("ann", Role.VIEWER, "another-long-phrase".toCharArray()))
        .hasMessage("name: \"ann\" is taken by another user; accepted: a name no user has");
    assertThat(users.find("ann").orElseThrow().role()).isEqualTo(Role.ADMIN);
  }

  @Test
  void aNewPasswordIsCheckedHashedAndDated() {
    accounts.add("ann", Role.EDITOR, "violet-tram-oyster".toCharArray());
    User changed = at("2026-12-08T09:00:00Z").changePassword("ann", "copper-lake-window".toCharArray());

    assertThat(passwords.matches("copper-lake-window".toCharArray(), changed.passwordHash())).isTrue();
    assertThat(changed.passwordChangedAt()).isEqualTo(Instant.parse("2026-12-08T09:00:00Z"));
    assertThat(changed.createdAt()).isEqualTo(Instant.parse("2026-12-06T10:00:00.123Z"));
  }

  @Test
  void aWeakNewPasswordLeavesTheOldOne() {
    User ann = accounts.add("ann", Role.EDITOR, "violet-tram-oyster".toCharArray());

    assertThatThrownBy(() -> accounts.changePassword("ann", "qwertyuiop".toCharArray()))
        .hasMessage("password: is easy to guess: it is one of the most common passwords; accepted: "
            + "10 to 256 characters, hard to guess (a few unrelated words do well)");
    assertThat(users.find("ann")).contains(ann);
  }

  @Test
  void changingSomeoneWhoDoesNotExistSaysSoBeforeJudgingThePassword() {
    assertThatThrownBy(() -> accounts.changePassword("ghost", "x".toCharArray()))
        .isInstanceOf(UserNotFoundException.class).hasMessage("user \"ghost\" does not exist");
    assertThatThrownBy(() -> accounts.changeRole("ghost", Role.ADMIN)).isInstanceOf(UserNotFoundException.class);
    assertThatThrownBy(() -> accounts.remove("ghost")).isInstanceOf(UserNotFoundException.class);
  }

  @Test
  void rolesChangeAndUsersGo() {
    accounts.add("ann", Role.VIEWER, "violet-tram-oyster".toCharArray());
    accounts.add("bob", Role.VIEWER, "copper-lake-window".toCharArray());

    assertThat(accounts.changeRole("ann", Role.ADMIN).role()).isEqualTo(Role.ADMIN);
    accounts.remove("bob");

    assertThat(accounts.list()).extracting(User::name, User::role).containsExactly(
        Tuple.tuple("ann", Role.ADMIN));
  }
}
