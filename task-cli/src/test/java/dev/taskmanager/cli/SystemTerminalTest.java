package dev.taskmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SystemTerminalTest {

  @Test
  void takesTheWidthFromColumns() {
    assertThat(new SystemTerminal(Map.of("COLUMNS", "132")).width()).isEqualTo(132);
  }

  @Test
  void fallsBackTo80ColumnsWithoutATerminalOrWithANonsenseColumns() {
    assertThat(new SystemTerminal(Map.of()).width()).isEqualTo(80);
    assertThat(new SystemTerminal(Map.of("COLUMNS", "wide")).width()).isEqualTo(80);
    assertThat(new SystemTerminal(Map.of("COLUMNS", "3")).width()).isEqualTo(80);
  }

  @Test
  void neverColoursWithoutATerminal() {
    // Under the build, standard input and output are not a terminal.
    assertThat(new SystemTerminal(Map.of()).colour()).isFalse();
  }

  @Test
  void showsNoProgressBarWithoutATerminal() {
    FakeTerminal pipe = new FakeTerminal();

    assertThat(Progress.start(pipe, "Reading", 10_000_000, " KiB", 1024)).isSameAs(Progress.NONE);
  }
}
