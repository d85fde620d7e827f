package dev.taskmanager.web.access;

import dev.taskmanager.web.http.Signer;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * Stateless CSRF tokens: an issue time and a random nonce, signed with the app's secret together
 * with the session they were issued to. Nothing is stored, so every replica given the same secret
 * accepts every other's tokens, and a restart keeps open forms valid; a token taken from one
 * session (or from the sign-in form, which has none) is refused in another. A token is accepted
 * for {@link #LIFETIME} after it was issued.
 *
 * <p>Format: {@code base64url(issuedAtSeconds:8 bytes + nonce:16 bytes) "." base64url(hmac)}, the
 * HMAC over the first part, a {@code |} and the session's id (empty without a session).
 */
public final class CsrfTokens {

  /** How long a form stays valid: a working day's worth of leaving a tab open. */
  public static final Duration LIFETIME = Duration.ofHours(8);
  /** Tolerated clock difference between replicas. */
  private static final Duration SKEW = Duration.ofMinutes(2);
  private static final String PURPOSE = "csrf";
  private static final int PAYLOAD_BYTES = 24;

  private final Signer signer;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public CsrfTokens(Signer signer, Clock clock) {
    this.signer = signer;
    this.clock = clock;
  }

  /** A fresh token for a form of the session {@code session} (empty for none). */
  public String issue(String session) {
    byte[] nonce = new byte[PAYLOAD_BYTES - Long.BYTES];
    random.nextBytes(nonce);
    byte[] payload = ByteBuffer.allocate(PAYLOAD_BYTES).putLong(clock.instant().getEpochSecond()).put(nonce).array();
    String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
    return encoded + "." + signer.sign(PURPOSE, encoded + "|" + session);
  }

  /** Whether the token was issued to this session by a replica with this secret and has not expired. */
  public boolean isValid(String token, String session) {
    if (token == null || token.length() > 128) {
      return false;
    }
    int dot = token.indexOf('.');
    if (dot < 0) {
      return false;
    }
    String payload = token.substring(0, dot);
    if (!signer.verify(PURPOSE, payload + "|" + session, token.substring(dot + 1))) {
      return false;
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(payload);
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
    if (bytes.length != PAYLOAD_BYTES) {
      return false;
    }
    long issued = ByteBuffer.wrap(bytes).getLong();
    long now = clock.instant().getEpochSecond();
    return issued <= now + SKEW.toSeconds() && now - issued <= LIFETIME.toSeconds();
  }
}
