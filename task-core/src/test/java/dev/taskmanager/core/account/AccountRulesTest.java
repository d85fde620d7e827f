package dev.taskmanager.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.core.contract.TestPasswords;
import dev.taskmanager.core.model.Violation;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountRulesTest {

  private static final String NAMES = "1 to 64 of a-z, 0-9, '.', '_' and '-', beginning with a letter or a digit";
  private static final String PASSWORDS = "10 to 256 characters, hard to guess (a few unrelated words do well)";

  private final TestPasswords passwords = new TestPasswords();

  @ParameterizedTest
  @ValueSource(strings = {"ann", "a", "bob.smith", "j_doe-2", "007",
      "a234567890123456789012345678901234567890123456789012345678901234"})
  void namesOfLowerCaseLettersDigitsAndSeparatorsAreAccepted(String name) {
    assertThat(AccountRules.checkName(name)).isEmpty();
  }

  @Test
  void aNameOutsideTheRulesSaysWhatWasWrongAndWhatIsAccepted() {
    assertThat(AccountRules.checkName("")).contains(new Violation("name", "is empty", NAMES));
    assertThat(AccountRules.checkName("Ann")).contains(new Violation("name", "is \"Ann\"", NAMES));
    assertThat(AccountRules.checkName(".ann")).contains(new Violation("name", "is \".ann\"", NAMES));
    assertThat(AccountRules.checkName("ann smith")).contains(new Violation("name", "is \"ann smith\"", NAMES));
    assertThat(AccountRules.checkName("ann\u0000")).contains(new Violation("name", "is \"ann\\u0000\"", NAMES));
    assertThat(AccountRules.checkName("x".repeat(65))).contains(new Violation("name", "has 65 characters", NAMES));
    assertThat(AccountRules.checkName("åsa")).isPresent();
  }

  @Test
  void aPasswordOfTenCharactersOrMoreThatIsHardToGuessIsAccepted() {
    assertThat(AccountRules.checkPassword("violet-tram-oyster".toCharArray(), "ann", passwords)).isEmpty();
    assertThat(AccountRules.checkPassword("x".repeat(256).toCharArray(), "ann", passwords)).isEmpty();
  }

  @Test
  void aPasswordIsMeasuredInCharactersNotCodeUnits() {
    String nineEmoji = "\uD83D\uDE00".repeat(9);
    assertThat(AccountRules.checkPassword(nineEmoji.toCharArray(), "ann", passwords))
        .contains(new Violation("password", "has 9 characters", PASSWORDS));
    assertThat(AccountRules.checkPassword((nineEmoji + "!").toCharArray(), "ann", passwords)).isEmpty();
  }

  @Test
  void aPasswordTooShortTooLongOrWithAControlCharacterIsRefusedWithoutBeingQuoted() {
    assertThat(AccountRules.checkPassword(new char[0], "ann", passwords))
        .contains(new Violation("password", "is empty", PASSWORDS));
    assertThat(AccountRules.checkPassword("secret".toCharArray(), "ann", passwords))
        .contains(new Violation("password", "has 6 characters", PASSWORDS));
    assertThat(AccountRules.checkPassword("x".repeat(257).toCharArray(), "ann", passwords))
        .contains(new Violation("password", "has 257 characters", PASSWORDS));
    Optional<Violation> lineBreak = AccountRules.checkPassword("violet-tram\noyster".toCharArray(), "ann", passwords);
    assertThat(lineBreak).hasValueSatisfying(violation -> {
      assertThat(violation.problem()).isEqualTo("has a control character (such as a line break)");
      assertThat(violation.message()).doesNotContain("violet");
    });
  }

  @Test
  void aPasswordEasyToGuessIsRefusedWithTheReason() {
    assertThat(AccountRules.checkPassword("Password123".toCharArray(), "ann", passwords)).contains(
        new Violation("password", "is easy to guess: it is one of the most common passwords", PASSWORDS));
    assertThat(AccountRules.checkPassword("ann-is-the-best".toCharArray(), "ann", passwords)).contains(
        new Violation("password", "is easy to guess: it is built on the user's name", PASSWORDS));
  }
}
