package dev.taskmanager.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskmanager.core.contract.TestPasswords;
import dev.taskmanager.core.memory.InMemoryTokenStore;
import dev.taskmanager.core.memory.InMemoryUserStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokensTest {

  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00.123Z");

  private final InMemoryUserStore users = new InMemoryUserStore();
  private final InMemoryTokenStore store = new InMemoryTokenStore();
  private final Tokens tokens = at(NOW);

  private Tokens at(Instant time) {
    return new Tokens(store, users, Clock.fixed(time, ZoneOffset.UTC));
  }

  @BeforeEach
  void users() {
    users.add(User.added("ann", Role.EDITOR, "$argon2id$ann", NOW));
  }

  @Test
  void aNewTokenIsShownOnceAndOnlyTheHashOfItsSecretIsKept() {
    Tokens.IssuedToken issued = tokens.create("ann", Scope.WRITE, Optional.of(Duration.ofDays(30)));

    assertThat(issued.text()).matches("tmt_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
    ApiToken stored = store.find(issued.token().id()).orElseThrow();
    assertThat(stored).isEqualTo(issued.token());
    assertThat(issued.text()).startsWith("tmt_" + stored.id() + "_");
    assertThat(stored.secretHash()).matches("[0-9a-f]{64}").doesNotContain(issued.text().substring(17));
    assertThat(stored.expiresAt()).contains(NOW.plus(Duration.ofDays(30)));
    assertThat(issued.toString()).doesNotContain(issued.text().substring(17));
  }

  @Test
  void theTokenSpeaksForItsUserWithItsScope() {
    Tokens.IssuedToken issued = tokens.create("ann", Scope.READ, Optional.empty());

    Optional<Tokens.Authenticated> who = tokens.authenticate(issued.text());

    assertThat(who).hasValueSatisfying(authenticated -> {
      assertThat(authenticated.user().name()).isEqualTo("ann");
      assertThat(authenticated.user().role()).isEqualTo(Role.EDITOR);
      assertThat(authenticated.token().scope()).isEqualTo(Scope.READ);
    });
  }

  @Test
  void aTokenThatIsNotOneOrNotThisOneSpeaksForNobody() {
    String text = tokens.create("ann", Scope.WRITE, Optional.empty()).text();
    char last = text.charAt(text.length() - 1);
    String wrongSecret = text.substring(0, text.length() - 1) + (last == 'A' ? 'B' : 'A');

    assertThat(tokens.authenticate(wrongSecret)).isEmpty();
    assertThat(tokens.authenticate("tmt_000000000000_" + text.substring(17))).isEmpty();
    assertThat(tokens.authenticate(text.substring(4))).isEmpty();
    assertThat(tokens.authenticate(text + "x")).isEmpty();
    assertThat(tokens.authenticate("")).isEmpty();
    assertThat(tokens.authenticate(null)).isEmpty();
  }

  @Test
  void anExpiredRevokedOrOrphanedTokenSpeaksForNobody() {
    Tokens.IssuedToken expiring = tokens.create("ann", Scope.WRITE, Optional.of(Duration.ofDays(1)));
    Tokens.IssuedToken revoked = tokens.create("ann", Scope.WRITE, Optional.empty());
    tokens.revoke(revoked.token().id());
    users.add(User.added("bob", Role.ADMIN, "$argon2id$bob", NOW));
    Tokens.IssuedToken orphaned = tokens.create("bob", Scope.WRITE, Optional.empty());
    users.remove("bob");

    assertThat(at(NOW.plus(Duration.ofHours(23))).authenticate(expiring.text())).isPresent();
    assertThat(at(NOW.plus(Duration.ofDays(1))).authenticate(expiring.text())).isEmpty();
    assertThat(tokens.authenticate(revoked.text())).isEmpty();
    assertThat(tokens.authenticate(orphaned.text())).isEmpty();
  }

  @Test
  void aTokenLeftBehindByARemovedUserDoesNotSpeakForALaterUserOfTheSameName() {
    users.add(User.added("bob", Role.ADMIN, "$argon2id$bob", NOW));
    Tokens.IssuedToken leftBehind = tokens.create("bob", Scope.WRITE, Optional.empty());
    users.remove("bob");
    users.add(User.added("bob", Role.VIEWER, "$argon2id$new-bob", NOW.plusSeconds(60)));

    assertThat(at(NOW.plusSeconds(120)).authenticate(leftBehind.text())).isEmpty();
    Tokens.IssuedToken newBobs = at(NOW.plusSeconds(90)).create("bob", Scope.READ, Optional.empty());
    assertThat(at(NOW.plusSeconds(120)).authenticate(newBobs.text())).isPresent();
  }

  @Test
  void aWholeTokenGivenToRevokeRevokesItAndIsNeverEchoed() {
    Tokens.IssuedToken issued = tokens.create("ann", Scope.READ, Optional.empty());

    tokens.revoke(issued.text());

    assertThat(store.list()).isEmpty();
    assertThatThrownBy(() -> tokens.revoke(issued.text() + "x")).isInstanceOf(TokenNotFoundException.class)
        .hasMessage("token \"" + issued.text().substring(0, 12) + "…\" does not exist");
  }

  @Test
  void aUserRevokesTheirOwnTokenButNeverAnothers() {
    users.add(User.added("bob", Role.VIEWER, "$argon2id$bob", NOW));
    Tokens.IssuedToken anns = tokens.create("ann", Scope.READ, Optional.empty());
    Tokens.IssuedToken bobs = tokens.create("bob", Scope.READ, Optional.empty());

    assertThatThrownBy(() -> tokens.revokeOf("ann", bobs.token().id())).isInstanceOf(TokenNotFoundException.class);
    tokens.revokeOf("ann", anns.token().id());

    assertThat(tokens.authenticate(anns.text())).isEmpty();
    assertThat(tokens.authenticate(bobs.text())).isPresent();
  }

  @Test
  void aUseIsNotedToTheMinute() {
    Tokens.IssuedToken issued = tokens.create("ann", Scope.READ, Optional.empty());
    String id = issued.token().id();

    at(NOW.plusSeconds(5)).authenticate(issued.text());
    at(NOW.plusSeconds(50)).authenticate(issued.text());
    assertThat(store.find(id).orElseThrow().lastUsedAt()).contains(NOW.plusSeconds(5));

    at(NOW.plusSeconds(65)).authenticate(issued.text());
    assertThat(store.find(id).orElseThrow().lastUsedAt()).contains(NOW.plusSeconds(65));
  }

  @Test
  void aTokenIsForSomeoneWhoExistsForADayToTenYears() {
    assertThatThrownBy(() -> tokens.create("ghost", Scope.READ, Optional.empty()))
        .isInstanceOf(UserNotFoundException.class);
    assertThatThrownBy(() -> tokens.create("ann", Scope.READ, Optional.of(Duration.ofHours(1))))
        .isInstanceOf(InvalidAccountException.class).hasMessageStartingWith("expires: is 0 days; accepted: ");
    assertThatThrownBy(() -> tokens.list(Optional.of("ghost"))).isInstanceOf(UserNotFoundException.class);
    assertThat(store.list()).isEmpty();
  }

  @Test
  void removingAUserRevokesTheirTokens() {
    users.add(User.added("bob", Role.VIEWER, "$argon2id$bob", NOW));
    tokens.create("bob", Scope.READ, Optional.empty());
    Tokens.IssuedToken anns = tokens.create("ann", Scope.READ, Optional.empty());

    new Accounts(users, store, new TestPasswords(), Clock.systemUTC()).remove("bob");

    assertThat(store.list()).extracting(ApiToken::id).containsExactly(anns.token().id());
  }

  @Test
  void aRenewedCalendarFeedReplacesTheOldOneWhichStopsWorking() {
    Tokens.IssuedToken first = tokens.renewCalendarFeed("ann", Optional.empty());
    Tokens.IssuedToken second = at(NOW.plusSeconds(1)).renewCalendarFeed("ann", Optional.empty());

    assertThat(tokens.authenticate(first.text())).isEmpty();
    assertThat(tokens.authenticate(second.text())).hasValueSatisfying(
        who -> assertThat(who.token().scope()).isEqualTo(Scope.CALENDAR));
    assertThat(tokens.calendarFeedOf("ann")).contains(store.find(second.token().id()).orElseThrow());
    assertThat(second.token().expiresAt()).isEmpty();
  }

  @Test
  void twoRenewalsInOneMillisecondLeaveBothFeedsWorkingRatherThanNone() {
    Tokens.IssuedToken earlier = tokens.renewCalendarFeed("ann", Optional.empty());
    Tokens.IssuedToken one = at(NOW.plusSeconds(1)).renewCalendarFeed("ann", Optional.empty());
    Tokens.IssuedToken other = at(NOW.plusSeconds(1)).renewCalendarFeed("ann", Optional.empty());

    assertThat(tokens.authenticate(earlier.text())).isEmpty();
    assertThat(tokens.authenticate(one.text())).isPresent();
    assertThat(tokens.authenticate(other.text())).isPresent();
    assertThat(tokens.calendarFeedOf("ann")).map(ApiToken::createdAt).contains(NOW.plusSeconds(1));
  }

  @Test
  void stoppingTheFeedRevokesItAndLeavesTheApiTokensAlone() {
    Tokens.IssuedToken api = tokens.create("ann", Scope.READ, Optional.empty());
    Tokens.IssuedToken feed = tokens.renewCalendarFeed("ann", Optional.empty());

    assertThat(tokens.stopCalendarFeed("ann")).isTrue();
    assertThat(tokens.stopCalendarFeed("ann")).describedAs("nothing left to stop").isFalse();

    assertThat(tokens.authenticate(feed.text())).isEmpty();
    assertThat(tokens.authenticate(api.text())).isPresent();
    assertThat(tokens.calendarFeedOf("ann")).isEmpty();
  }
}
