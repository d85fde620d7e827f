package dev.taskmanager.passwords;

import static org.assertj.core.api.Assertions.assertThat;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import dev.taskmanager.core.account.AccountRules;
import java.util.List;
import org.junit.jupiter.api.Test;

class Argon2PasswordsTest {

  private final Argon2Passwords passwords = new Argon2Passwords();

  @Test
  void aHashIsArgon2idWithOwaspParametersAndItsOwnSalt() {
    String first = passwords.hash("violet-tram-oyster".toCharArray());
    String second = passwords.hash("violet-tram-oyster".toCharArray());

    assertThat(first).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("violet");
    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void theRightPasswordMatchesAndAnyOtherDoesNot() {
    String hash = passwords.hash("violet-tram-oyster".toCharArray());

    assertThat(passwords.matches("violet-tram-oyster".toCharArray(), hash)).isTrue();
    assertThat(passwords.matches("violet-tram-oyster ".toCharArray(), hash)).isFalse();
    assertThat(passwords.matches("Violet-tram-oyster".toCharArray(), hash)).isFalse();
    assertThat(passwords.matches(new char[0], hash)).isFalse();
  }

  @Test
  void aHashMadeWithOtherParametersStillChecks() {
    String older = Password.hash("violet-tram-oyster").addRandomSalt(8)
        .with(Argon2Function.getInstance(4096, 3, 2, 16, Argon2.ID)).getResult();

    assertThat(older).startsWith("$argon2id$v=19$m=4096,t=3,p=2$");
    assertThat(passwords.matches("violet-tram-oyster".toCharArray(), older)).isTrue();
    assertThat(passwords.matches("copper-lake-window".toCharArray(), older)).isFalse();
  }

  @Test
  void aHashItCannotReadMatchesNothing() {
    assertThat(passwords.matches("anything".toCharArray(), "")).isFalse();
    assertThat(passwords.matches("anything".toCharArray(), "plain text")).isFalse();
    assertThat(passwords.matches("anything".toCharArray(), "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"))
        .isFalse();
  }

  @Test
  void commonPasswordsNamesDatesAndRepeatsAreEasyToGuessAndSaySo() {
    assertThat(passwords.weakness("password123".toCharArray(), List.of()))
        .contains("this is a very common password");
    assertThat(passwords.weakness("qwertyuiop".toCharArray(), List.of())).hasValueSatisfying(why ->
        assertThat(why).startsWith("this is a top-100 common password"));
    assertThat(passwords.weakness("margaretha1".toCharArray(), List.of())).hasValueSatisfying(why ->
        assertThat(why).startsWith("common names and surnames are easy to guess"));
    assertThat(passwords.weakness("2026-12-06abc".toCharArray(), List.of())).hasValueSatisfying(why ->
        assertThat(why).startsWith("dates are often easy to guess"));
    assertThat(passwords.weakness("aaaaaaaaaaaa".toCharArray(), List.of())).isPresent();
    assertThat(passwords.weakness("Tr0ub4dour&3".toCharArray(), List.of())).describedAs("no warning, only advice")
        .contains("it follows a pattern guessed early");
  }

  @Test
  void thePersonsOwnNameIsEasyToGuess() {
    assertThat(passwords.weakness("zwoyfkanda2026".toCharArray(), List.of())).isEmpty();
    assertThat(passwords.weakness("zwoyfkanda2026".toCharArray(), List.of("zwoyfkanda")))
        .contains("it is built on the user's name");
  }

  @Test
  void aFewUnrelatedWordsAreHardToGuess() {
    assertThat(passwords.weakness("violet-tram-oyster".toCharArray(), List.of("ann"))).isEmpty();
    assertThat(passwords.weakness("copper lake window".toCharArray(), List.of("ann"))).isEmpty();
  }

  @Test
  void theAccountRulesUseItsJudgement() {
    assertThat(AccountRules.checkPassword("password1234".toCharArray(), "ann", passwords)).hasValueSatisfying(
        violation -> assertThat(violation.message()).isEqualTo("password: is easy to guess: this is a very common"
            + " password; accepted: 10 to 256 characters, hard to guess (a few unrelated words do well)"));
    assertThat(AccountRules.checkPassword("annabelle-2026".toCharArray(), "annabelle", passwords)).hasValueSatisfying(
        violation -> assertThat(violation.problem()).isEqualTo("is easy to guess: it is built on the user's name"));
    assertThat(AccountRules.checkPassword("violet-tram-oyster".toCharArray(), "ann", passwords)).isEmpty();
  }
}
