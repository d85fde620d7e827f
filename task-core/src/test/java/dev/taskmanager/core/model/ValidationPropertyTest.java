package dev.taskmanager.core.model;

import static dev.taskmanager.core.contract.TestTimes.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Validation accepts exactly what DESIGN.md says. Each oracle restates a rule in a different way
 * from the implementation (regular expressions, a UTF-8 round trip), over generated text that mixes
 * the characters the rules care about.
 */
class ValidationPropertyTest {

  private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
  private static final Pattern EDGE_SPACE = Pattern.compile("^[\\s\\p{Z}]+|[\\s\\p{Z}]+$", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");

  @Test
  void aTitleIsAcceptedExactlyWhenItFollowsTheRules() {
    qt().withExamples(3000).forAll(text()).checkAssert(ValidationPropertyTest::titleFollowsTheRules);
  }

  private static void titleFollowsTheRules(String title) {
    String trimmed = EDGE_SPACE.matcher(title).replaceAll("");
    boolean valid = !trimmed.isEmpty()
        && trimmed.codePointCount(0, trimmed.length()) <= 200
        && !CONTROL.matcher(trimmed).find()
        && isWellFormed(trimmed);

    if (valid) {
      assertThat(new TaskDraft(title).title()).isEqualTo(trimmed);
    } else {
      InvalidTaskException invalid = catchThrowableOfType(InvalidTaskException.class, () -> new TaskDraft(title));
      assertThat(invalid).describedAs("rejected: %s", escape(title)).isNotNull();
      assertThat(invalid.violations()).extracting(Violation::field).containsOnly("title");
    }
  }

  @Test
  void aDescriptionIsAcceptedExactlyWhenItFollowsTheRules() {
    qt().withExamples(3000).forAll(text()).checkAssert(ValidationPropertyTest::descriptionFollowsTheRules);
  }

  private static void descriptionFollowsTheRules(String shortdesc) {
    String normalised = shortdesc.replace("\r\n", "\n").replace("\r", "\n");
    boolean valid = normalised.codePointCount(0, normalised.length()) <= 2000
        && !CONTROL.matcher(normalised.replace("\n", "").replace("\t", "")).find()
        && isWellFormed(normalised);

    if (valid) {
      assertThat(new TaskDraft("t", shortdesc, 0).shortdesc()).isEqualTo(normalised);
    } else {
      InvalidTaskException invalid =
          catchThrowableOfType(InvalidTaskException.class, () -> new TaskDraft("t", shortdesc, 0));
      assertThat(invalid).describedAs("rejected: %s", escape(shortdesc)).isNotNull();
      assertThat(invalid.violations()).extracting(Violation::field).containsOnly("shortdesc");
    }
  }

  @Test
  void aPriorityIsAcceptedExactlyFromZeroToOneThousand() {
    qt().withExamples(2000).forAll(integers().all()).checkAssert(ValidationPropertyTest::priorityFollowsTheRules);
  }

  private static void priorityFollowsTheRules(int priority) {
    boolean valid = priority >= 0 && priority <= 1000;

    if (valid) {
      assertThat(new TaskDraft("t", "", priority).priority()).isEqualTo(priority);
    } else {
      assertThat(catchThrowableOfType(InvalidTaskException.class, () -> new TaskDraft("t", "", priority))).isNotNull();
    }
  }

  @Test
  void typedPriorityTextIsAcceptedExactlyWhenItIsAWholeNumberInRange() {
    qt().withExamples(3000).forAll(priorityText()).checkAssert(ValidationPropertyTest::priorityTextFollowsTheRules);
  }

  private static void priorityTextFollowsTheRules(String text) {
    String trimmed = EDGE_SPACE.matcher(text).replaceAll("");
    Integer expected = null;
    if (trimmed.isEmpty()) {
      expected = 0;
    } else if (WHOLE_NUMBER.matcher(trimmed).matches()) {
      BigInteger value = new BigInteger(trimmed);
      if (value.signum() >= 0 && value.compareTo(BigInteger.valueOf(1000)) <= 0) {
        expected = value.intValue();
      }
    }

    if (expected != null) {
      assertThat(new TaskInput("t", null, text).toDraft(TODAY).priority()).isEqualTo(expected);
    } else {
      InvalidTaskException invalid =
          catchThrowableOfType(InvalidTaskException.class, () -> new TaskInput("t", null, text).toDraft(TODAY));
      assertThat(invalid).describedAs("rejected: %s", escape(text)).isNotNull();
      assertThat(invalid.violations()).extracting(Violation::field).containsExactly("priority");
    }
  }

  /** Text mixing the characters the rules care about, short and around the title's limit. */
  private static Gen<String> text() {
    List<String> pieces = List.of(
        "a", "Z", "7", " ", " ", "\t", "\n", "\r", "\r\n", "\u00a0", "\u3000", "\u2028",
        "\u0000", "\u0007", "\u001f", "\u007f", "\u0085", "\u009f",
        "😀", "👩‍👩‍👧", "\uD800", "\uDC00", "e\u0301", "ß", "م", "ש", "漢", "<", "\"", "$");
    Gen<String> piece = Generate.pick(pieces);
    Gen<String> shortText = lists().of(piece).ofSizeBetween(0, 30).map(ValidationPropertyTest::join);
    Gen<String> nearTheLimit = lists().of(piece).ofSizeBetween(190, 215).map(ValidationPropertyTest::join);
    Gen<String> nearTheDescriptionLimit = integers().between(1990, 2010).map(n -> "x".repeat(n));
    return Generate.frequency(Pair.of(6, shortText), Pair.of(3, nearTheLimit), Pair.of(1, nearTheDescriptionLimit));
  }

  private static Gen<String> priorityText() {
    Gen<String> piece = Generate.pick(List.of(
        "0", "1", "5", "9", "10", "00", "+", "-", " ", "\t", "\u00a0", ".", "e", "x", "١", "٣", ",", "_"));
    return lists().of(piece).ofSizeBetween(0, 8).map(ValidationPropertyTest::join);
  }

  private static String join(List<String> pieces) {
    return String.join("", pieces);
  }

  /** Strings with unpaired surrogates do not survive a UTF-8 round trip. */
  private static boolean isWellFormed(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(text);
  }

  private static String escape(String text) {
    return text.chars().mapToObj(c -> c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c))
        .collect(Collectors.joining());
  }
}
