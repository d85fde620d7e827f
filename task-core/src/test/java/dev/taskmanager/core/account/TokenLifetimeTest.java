package dev.taskmanager.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenLifetimeTest {

  private static final String ACCEPTED = "a number of days or weeks such as 30d or 2w (1 to 3650 days), or never";

  @Test
  void daysWeeksAndNeverAreRead() {
    assertThat(TokenLifetime.parse("30d")).contains(Duration.ofDays(30));
    assertThat(TokenLifetime.parse(" 2W ")).contains(Duration.ofDays(14));
    assertThat(TokenLifetime.parse("3650d")).contains(Duration.ofDays(3650));
    assertThat(TokenLifetime.parse("never")).isEmpty();
  }

  @Test
  void anythingElseSaysWhatIsAccepted() {
    assertThatThrownBy(() -> TokenLifetime.parse("30")).hasMessage("expires: is \"30\"; accepted: " + ACCEPTED);
    assertThatThrownBy(() -> TokenLifetime.parse("1y")).hasMessage("expires: is \"1y\"; accepted: " + ACCEPTED);
    assertThatThrownBy(() -> TokenLifetime.parse("0d")).hasMessage("expires: is 0 days; accepted: " + ACCEPTED);
    assertThatThrownBy(() -> TokenLifetime.parse("3651d")).hasMessage("expires: is 3651 days; accepted: " + ACCEPTED);
    assertThatThrownBy(() -> TokenLifetime.parse("999999w")).isInstanceOf(InvalidAccountException.class);
  }
}
