package dev.taskmanager.core.account;

import dev.taskmanager.core.model.Violation;
import dev.taskmanager.core.text.Excerpts;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How long a token works, as people write it: {@code 30d}, {@code 2w}, or {@code never}. */
public final class TokenLifetime {

  static final String ACCEPTED = "a number of days or weeks such as 30d or 2w (1 to 3650 days), or never";

  private static final Pattern AMOUNT = Pattern.compile("([0-9]{1,6})([dw])");

  private TokenLifetime() {}

  /**
   * The lifetime written; empty for {@code never}.
   *
   * @throws InvalidAccountException naming what is accepted
   */
  public static Optional<Duration> parse(String text) {
    String written = text.strip().toLowerCase(Locale.ROOT);
    if (written.equals("never")) {
      return Optional.empty();
    }
    Matcher amount = AMOUNT.matcher(written);
    if (!amount.matches()) {
      throw new InvalidAccountException(new Violation("expires", "is " + Excerpts.quote(text), ACCEPTED));
    }
    Duration lifetime = Duration.ofDays(Long.parseLong(amount.group(1)) * (amount.group(2).equals("w") ? 7 : 1));
    check(lifetime);
    return Optional.of(lifetime);
  }

  /** @throws InvalidAccountException when a lifetime is under a day or over {@link Tokens#LONGEST} */
  static void check(Duration lifetime) {
    if (lifetime.compareTo(Duration.ofDays(1)) < 0 || lifetime.compareTo(Tokens.LONGEST) > 0) {
      throw new InvalidAccountException(new Violation("expires", "is " + lifetime.toDays() + " days", ACCEPTED));
    }
  }
}
