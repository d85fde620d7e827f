package dev.taskmanager.web.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures with the app's secret. Each use names its purpose, so a value signed as
 * a flash message can never pass as a CSRF token. Thread-safe.
 */
public final class Signer {

  private static final String ALGORITHM = "HmacSHA256";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private final SecretKeySpec key;

  public Signer(byte[] secret) {
    if (secret.length == 0) {
      throw new IllegalArgumentException("the secret is empty");
    }
    this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
  }

  /** The signature of {@code payload} for {@code purpose}, base64url without padding. */
  public String sign(String purpose, String payload) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update(purpose.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return ENCODER.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException missingFromTheJdk) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", missingFromTheJdk);
    }
  }

  /** Whether {@code signature} is the one of {@code payload}; compares in constant time. */
  public boolean verify(String purpose, String payload, String signature) {
    byte[] expected = sign(purpose, payload).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
  }
}
