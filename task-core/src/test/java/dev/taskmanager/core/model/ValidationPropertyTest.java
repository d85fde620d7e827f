package dev.taskmanager.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Validation accepts exactly what DESIGN.md says. Each oracle restates a rule in a different way
 * from the implementation (regular expressions, a UTF-8 round trip), over generated text that mixes
 * the characters the rules care about.
 */
class ValidationPropertyTest {

  private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
  private static final Pattern EDGE_SPACE = Pattern.compile("^[\\s\\p{Z}]+|[\\s\\p{Z}]+$", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");

  @Property(tries = 3000)
  void aTitleIsAcceptedExactlyWhenItFollowsTheRules(@ForAll("text") String title) {
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

  @Property(tries = 3000)
  void aDescriptionIsAcceptedExactlyWhenItFollowsTheRules(@ForAll("text") String shortdesc) {
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

  @Property(tries = 2000)
  void aPriorityIsAcceptedExactlyFromZeroToOneThousand(@ForAll int priority) {
    boolean valid = priority >= 0 && priority <= 1000;

    if (valid) {
      assertThat(new TaskDraft("t", "", priority).priority()).isEqualTo(priority);
    } else {
      assertThat(catchThrowableOfType(InvalidTaskException.class, () -> new TaskDraft("t", "", priority))).isNotNull();
    }
  }

  @Property(tries = 3000)
  void typedPriorityTextIsAcceptedExactlyWhenItIsAWholeNumberInRange(@ForAll("priorityText") String text) {
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
      assertThat(new TaskInput("t", null, text).toDraft().priority()).isEqualTo(expected);
    } else {
      InvalidTaskException invalid =
          catchThrowableOfType(InvalidTaskException.class, () -> new TaskInput("t", null, text).toDraft());
      assertThat(invalid).describedAs("rejected: %s", escape(text)).isNotNull();
      assertThat(invalid.violations()).extracting(Violation::field).containsExactly("priority");
    }
  }

  @Provide
  Arbitrary<String> text() {
    List<String> pieces = List.of(
        "a", "Z", "7", " ", " ", "\t", "\n", "\r", "\r\n", "\u00a0", "\u3000", "\u2028",
        "\u0000", "\u0007", "\u001f", "\u007f", "\u0085", "\u009f",
        "😀", "👩‍👩‍👧", "\uD800", "\uDC00", "e\u0301", "ß", "م", "ש", "漢", "<", "\"", "$");
    Arbitrary<String> piece = Arbitraries.of(pieces);
    Arbitrary<String> shortText = piece.list().ofMaxSize(30).map(ValidationPropertyTest::join);
    Arbitrary<String> nearTheLimit = piece.list().ofMinSize(190).ofMaxSize(215).map(ValidationPropertyTest::join);
    Arbitrary<String> nearTheDescriptionLimit =
        Arbitraries.integers().between(1990, 2010).map(n -> "x".repeat(n));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, shortText),
        net.jqwik.api.Tuple.of(3, nearTheLimit),
        net.jqwik.api.Tuple.of(1, nearTheDescriptionLimit));
  }

  @Provide
  Arbitrary<String> priorityText() {
    Arbitrary<String> piece = Arbitraries.of(
        "0", "1", "5", "9", "10", "00", "+", "-", " ", "\t", "\u00a0", ".", "e", "x", "١", "٣", ",", "_");
    return piece.list().ofMaxSize(8).map(ValidationPropertyTest::join);
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
