package dev.taskmanager.core.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The use cases on API tokens: make one for a user, list them, revoke one, and tell who a token
 * presented with a request is. A user's calendar feed is a token too, of scope {@link
 * Scope#CALENDAR}: one at a time, renewed or stopped by its user.
 *
 * <p>A token reads {@code tmt_<id>_<secret>}: the prefix lets people and secret scanners recognise
 * one; the id (12 hex digits) names it in lists; the secret (256 random bits, base64url) is what
 * proves it, and only its SHA-256 is kept. With that much randomness a fast hash is as safe as a slow
 * one, and checking a token costs one digest, not a password hash.
 */
public final class Tokens {

  public static final String PREFIX = "tmt_";
  /** The longest a token may be made to last. */
  public static final Duration LONGEST = Duration.ofDays(3650);

  private static final Pattern TOKEN = Pattern.compile("tmt_([0-9a-f]{12})_([A-Za-z0-9_-]{43})");
  private static final int ID_BYTES = 6;
  private static final int SECRET_BYTES = 32;
  /** Each use is not a write: the time of last use is kept to the minute. */
  private static final Duration USE_NOTED_EVERY = Duration.ofMinutes(1);
  /** Tokens by age; made in the same millisecond, by id, so that any two compare one way. */
  private static final Comparator<ApiToken> NEWEST_LAST =
      Comparator.comparing(ApiToken::createdAt).thenComparing(ApiToken::id);

  private final TokenStore tokens;
  private final UserStore users;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public Tokens(TokenStore tokens, UserStore users, Clock clock) {
    this.tokens = tokens;
    this.users = users;
    this.clock = clock;
  }

  /** A token just made: as stored, and its text, which is shown once and never again. */
  public record IssuedToken(ApiToken token, String text) {
    @Override
    public String toString() {
      return "IssuedToken[" + token + "]";
    }
  }

  /** Who a request's token speaks for, and what the token allows. */
  public record Authenticated(User user, ApiToken token) {}

  /**
   * Makes a token for a user.
   *
   * @param lifetime how long it works; empty: until revoked
   * @throws UserNotFoundException when no user has that name
   * @throws InvalidAccountException when the lifetime is under a day or over {@link #LONGEST}
   */
  public IssuedToken create(String user, Scope scope, Optional<Duration> lifetime) {
    users.find(user).orElseThrow(() -> new UserNotFoundException(user));
    lifetime.ifPresent(TokenLifetime::check);
    String id = hex(ID_BYTES);
    while (tokens.find(id).isPresent()) {
      id = hex(ID_BYTES);
    }
    byte[] secretBytes = new byte[SECRET_BYTES];
    random.nextBytes(secretBytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    ApiToken token = new ApiToken(id, user, scope, sha256(secret), now, lifetime.map(now::plus), Optional.empty());
    tokens.add(token);
    return new IssuedToken(token, PREFIX + id + "_" + secret);
  }

  /**
   * A new calendar feed token for a user; the one the user had stops working, so a calendar URL
   * that leaked is replaced by making a new one.
   *
   * @param lifetime how long it works; empty (what the page makes): until replaced or stopped
   * @throws UserNotFoundException when no user has that name
   * @throws InvalidAccountException when the lifetime is under a day or over {@link #LONGEST}
   */
  public IssuedToken renewCalendarFeed(String user, Optional<Duration> lifetime) {
    IssuedToken issued = create(user, Scope.CALENDAR, lifetime);
    // Only those made before: of two renewals at once (a double click), neither revokes the other's
    // feed when both were made in one millisecond, and the later one's survives otherwise.
    calendarFeedsOf(user).stream().filter(token -> token.createdAt().isBefore(issued.token().createdAt()))
        .forEach(this::revokeIfThere);
    return issued;
  }

  /** Stops a user's calendar feed: its URL no longer works. Whether there was one to stop. */
  public boolean stopCalendarFeed(String user) {
    List<ApiToken> feeds = calendarFeedsOf(user);
    feeds.forEach(this::revokeIfThere);
    return !feeds.isEmpty();
  }

  /** The user's calendar feed token, if they have one (the newest, should an admin have made more). */
  public Optional<ApiToken> calendarFeedOf(String user) {
    return calendarFeedsOf(user).stream().max(NEWEST_LAST);
  }

  private List<ApiToken> calendarFeedsOf(String user) {
    return tokens.listOf(user).stream().filter(token -> token.scope() == Scope.CALENDAR).toList();
  }

  /** Two renewals at once may both revoke the old feed: gone is what both want. */
  private void revokeIfThere(ApiToken token) {
    try {
      tokens.revoke(token.id());
    } catch (TokenNotFoundException alreadyGone) {
      // Revoked by the other one.
    }
  }

  /**
   * Every token, or one user's.
   *
   * @throws UserNotFoundException when a user is named and none has that name
   */
  public List<ApiToken> list(Optional<String> user) {
    if (user.isEmpty()) {
      return tokens.list();
    }
    users.find(user.get()).orElseThrow(() -> new UserNotFoundException(user.get()));
    return tokens.listOf(user.get());
  }

  /**
   * Revokes a token named by its id, or by the whole token (pasted by mistake: it is revoked all the
   * same, and never echoed).
   *
   * @throws TokenNotFoundException when no token has that id
   */
  public void revoke(String idOrToken) {
    Matcher whole = TOKEN.matcher(idOrToken);
    tokens.revoke(whole.matches() ? whole.group(1) : idOrToken);
  }

  /**
   * Revokes one of this user's tokens, named by its id: what a person may do with their own tokens.
   *
   * @throws TokenNotFoundException when this user has no token with that id (another user's counts
   *     as none)
   */
  public void revokeOf(String user, String id) {
    tokens.find(id).filter(token -> token.user().equals(user)).orElseThrow(() -> new TokenNotFoundException(id));
    tokens.revoke(id);
  }

  /**
   * Who a presented token speaks for: empty when it is not one, unknown, revoked, expired, or its
   * user is gone. Notes the time of use (to the minute).
   */
  public Optional<Authenticated> authenticate(String presented) {
    Matcher parts = presented == null ? null : TOKEN.matcher(presented);
    if (parts == null || !parts.matches()) {
      return Optional.empty();
    }
    Optional<ApiToken> stored = tokens.find(parts.group(1));
    if (stored.isEmpty() || !MessageDigest.isEqual(sha256(parts.group(2)).getBytes(StandardCharsets.US_ASCII),
        stored.get().secretHash().getBytes(StandardCharsets.US_ASCII))) {
      return Optional.empty();
    }
    ApiToken token = stored.get();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    if (token.expiredAt(now)) {
      return Optional.empty();
    }
    // Its user must be the one it was made for: not gone, and not someone added later under that name.
    Optional<User> user = users.find(token.user()).filter(owner -> !token.createdAt().isBefore(owner.createdAt()));
    if (user.isEmpty()) {
      return Optional.empty();
    }
    if (token.lastUsedAt().map(last -> !last.plus(USE_NOTED_EVERY).isAfter(now)).orElse(true)) {
      tokens.used(token.id(), now);
    }
    return Optional.of(new Authenticated(user.get(), token));
  }

  private String hex(int bytes) {
    byte[] random = new byte[bytes];
    this.random.nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  private static String sha256(String secret) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(secret.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every JDK has SHA-256", impossible);
    }
  }
}
