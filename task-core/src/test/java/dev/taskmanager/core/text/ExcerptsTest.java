package dev.taskmanager.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExcerptsTest {

  @Test
  void shortensByCharactersNeverInsideOne() {
    assertThat(Excerpts.shorten("abc", 3)).isEqualTo("abc");
    assertThat(Excerpts.shorten("abcd", 3)).isEqualTo("abc…");
    assertThat(Excerpts.shorten("😀😀😀😀", 3)).isEqualTo("😀😀😀…");
  }

  @Test
  void writesWhatWouldNotShowAsItselfOnOneLineAsItsCode() {
    assertThat(Excerpts.oneLine("a\nb\u0000c\u001b[31md\u202Ee\u2028f", 100))
        .isEqualTo("a\\u000Ab\\u0000c\\u001B[31md\\u202Ee\\u2028f");
    assertThat(Excerpts.oneLine("half \uD83D pair", 100)).isEqualTo("half \\uD83D pair");
    assertThat(Excerpts.oneLine("日本語 émoji 😀", 100)).isEqualTo("日本語 émoji 😀");
  }

  @Test
  void quotesOnOneLineShortenedForAMessage() {
    assertThat(Excerpts.quote("x\ny")).isEqualTo("\"x\\u000Ay\"");
    assertThat(Excerpts.quote("x".repeat(100))).isEqualTo("\"" + "x".repeat(Excerpts.QUOTED_CHARACTERS) + "…\"");
  }

  @Test
  void joinsAWholeMessageOntoOneLineWithoutCuttingIt() {
    assertThat(Excerpts.joinLines("cannot open\r\n  the file\u2028\tat all " + "x".repeat(100)))
        .isEqualTo("cannot open   the file at all " + "x".repeat(100));
    assertThat(Excerpts.joinLines(null)).isEmpty();
  }
}
