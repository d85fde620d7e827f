package dev.taskmanager.embeddedmongo.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The credential a client must present before the server answers anything but who it is: a user
 * name and a random password, kept with the data, sent with SASL {@code PLAIN}
 * (RFC 4616). Any MongoDB driver sends it when the connection string says {@code
 * authMechanism=PLAIN}; {@link #uri} writes such a string.
 *
 * <p>PLAIN sends the password as it is. That is safe here because the server listens on loopback
 * only, where no other user of the machine can read the traffic; what keeps them out is that the
 * secret is written only where its owner can read it.
 */
public final class ClientSecret {

  public static final String USER = "embedded";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] password;

  private ClientSecret(byte[] password) {
    this.password = password;
  }

  /** 256 random bits, as URL-safe base64 so that they need no escaping in a connection string. */
  public static ClientSecret random() {
    byte[] bits = new byte[32];
    RANDOM.nextBytes(bits);
    return new ClientSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(bits)
        .getBytes(StandardCharsets.US_ASCII));
  }

  /** A secret as {@link #text()} wrote it; empty when the text is not one (43 URL-safe base64 characters). */
  public static Optional<ClientSecret> parse(String text) {
    String stripped = text.strip();
    return stripped.matches("[A-Za-z0-9_-]{43}")
        ? Optional.of(new ClientSecret(stripped.getBytes(StandardCharsets.US_ASCII)))
        : Optional.empty();
  }

  /** The password, to keep where only the server's owner can read it. */
  public String text() {
    return new String(password, StandardCharsets.US_ASCII);
  }

  /** The connection string for a server on {@code host:port} that demands this secret. */
  public String uri(String host, int port) {
    return "mongodb://" + USER + ":" + new String(password, StandardCharsets.US_ASCII) + "@" + host + ":" + port
        + "/?authMechanism=PLAIN&authSource=%24external";
  }

  /**
   * Whether a SASL PLAIN message, {@code [authzid] NUL authcid NUL passwd}, names {@link #USER} and
   * this password. The password is compared in time that does not depend on where it differs.
   */
  boolean acceptsPlain(byte[] message) {
    int first = indexOfNul(message, 0);
    int second = first < 0 ? -1 : indexOfNul(message, first + 1);
    if (second < 0) {
      return false;
    }
    byte[] user = Arrays.copyOfRange(message, first + 1, second);
    byte[] offered = Arrays.copyOfRange(message, second + 1, message.length);
    boolean rightPassword = MessageDigest.isEqual(offered, password);
    return rightPassword && Arrays.equals(user, USER.getBytes(StandardCharsets.US_ASCII));
  }

  private static int indexOfNul(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return "ClientSecret[" + USER + ", password hidden]";
  }
}
