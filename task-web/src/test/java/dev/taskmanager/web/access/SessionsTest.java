package dev.taskmanager.web.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.core.account.Role;
import dev.taskmanager.core.account.User;
import dev.taskmanager.web.http.Signer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionsTest {

  private static final Instant SIGNED_IN = Instant.parse("2026-12-06T09:00:00.123456Z");
  private static final Signer SIGNER = new Signer("test-secret-test-secret-test-secret-0123".getBytes(StandardCharsets.UTF_8));
  private static final User ED = User.added("ed", Role.EDITOR, "hash", SIGNED_IN.minus(Duration.ofDays(30)));

  @Test
  void aSessionCarriesItsUserAndWhenTheySignedInToTheMillisecond() {
    String cookie = begin();

    Sessions.Session session = at(SIGNED_IN.plusSeconds(1)).decode(cookie).orElseThrow();

    assertThat(session.name()).isEqualTo("ed");
    assertThat(session.signedInAt()).isEqualTo(Instant.parse("2026-12-06T09:00:00.123Z"));
    assertThat(session.id()).hasSize(24);
  }

  @Test
  void eachSessionHasItsOwnId() {
    assertThat(at(SIGNED_IN).decode(begin()).orElseThrow().id())
        .isNotEqualTo(at(SIGNED_IN).decode(begin()).orElseThrow().id());
  }

  @Test
  void aSessionEndsAfterItsIdleTime() {
    String cookie = begin();

    assertThat(at(SIGNED_IN.plus(Sessions.IDLE).minusSeconds(5)).decode(cookie)).isPresent();
    assertThat(at(SIGNED_IN.plus(Sessions.IDLE).plusSeconds(1)).decode(cookie)).isEmpty();
  }

  @Test
  void aRenewedSessionLastsUntilItsLongestThenEnds() {
    String cookie = begin();
    Instant now = SIGNED_IN;
    // A request every hour, day and night: each renews the cookie, until the longest a session lasts.
    while (true) {
      now = now.plus(Duration.ofHours(1));
      Sessions sessions = at(now);
      Optional<Sessions.Session> session = sessions.decode(cookie);
      if (session.isEmpty()) {
        break;
      }
      cookie = sessions.encode(sessions.renewed(session.get()).orElseThrow());
    }
    assertThat(Duration.between(SIGNED_IN, now)).isBetween(Sessions.LONGEST, Sessions.LONGEST.plusHours(1));
  }

  @Test
  void aCookieIsRenewedOnlyWhenOldEnough() {
    Sessions.Session session = at(SIGNED_IN).decode(begin()).orElseThrow();

    assertThat(at(SIGNED_IN.plusSeconds(30)).renewed(session)).isEmpty();
    assertThat(at(SIGNED_IN.plus(Sessions.RENEW_AFTER).plusSeconds(1)).renewed(session)).get()
        .extracting(Sessions.Session::id, Sessions.Session::signedInAt)
        .containsExactly(session.id(), session.signedInAt());
  }

  @Test
  void aTamperedForeignOrFutureCookieIsNoSession() {
    String cookie = begin();
    Sessions other = new Sessions(new Signer("another-secret-another-secret-0123456789".getBytes(StandardCharsets.UTF_8)),
        Clock.fixed(SIGNED_IN, ZoneOffset.UTC));

    assertThat(other.decode(cookie)).isEmpty();
    assertThat(at(SIGNED_IN).decode(cookie.substring(0, 10) + (cookie.charAt(10) == 'A' ? 'B' : 'A')
        + cookie.substring(11))).isEmpty();
    assertThat(at(SIGNED_IN).decode(".")).isEmpty();
    assertThat(at(SIGNED_IN).decode(cookie.substring(0, cookie.indexOf('.')))).isEmpty();
    assertThat(at(SIGNED_IN).decode("x".repeat(5000))).isEmpty();
    assertThat(at(SIGNED_IN.minus(Duration.ofMinutes(10))).decode(cookie)).as("from the future").isEmpty();
  }

  private static String begin() {
    Sessions sessions = at(SIGNED_IN);
    return sessions.encode(sessions.started(ED));
  }

  private static Sessions at(Instant now) {
    return new Sessions(SIGNER, Clock.fixed(now, ZoneOffset.UTC));
  }
}
