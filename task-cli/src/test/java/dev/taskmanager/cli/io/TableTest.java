package dev.taskmanager.cli.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableTest {

  @Test
  void keepsTextThatFits() {
    assertThat(Table.fit("short", 5)).isEqualTo("short");
  }

  @Test
  void cutsLongTextWithAnEllipsisWithinTheWidth() {
    assertThat(Table.fit("a long title", 6)).isEqualTo("a lon…");
  }

  @Test
  void countsWideCharactersAsTwoColumns() {
    assertThat(Table.displayWidth("日本")).isEqualTo(4);
    assertThat(Table.fit("日本語のタイトル", 7)).isEqualTo("日本語…");
  }

  @Test
  void neverSplitsASurrogatePair() {
    assertThat(Table.fit("🙂🙂🙂🙂", 5)).isEqualTo("🙂🙂…");
  }

  @Test
  void showsLineBreaksAndTabsAsSpaces() {
    assertThat(Table.flatten("one\ntwo\tthree")).isEqualTo("one two three");
  }
}
