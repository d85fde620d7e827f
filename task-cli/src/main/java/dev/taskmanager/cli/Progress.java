package dev.taskmanager.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on standard error for long imports and exports: only on a terminal, never in a
 * pipe or a log, where it would be noise.
 */
interface Progress extends AutoCloseable {

  Progress NONE = new Progress() {
    @Override
    public void stepTo(long done) {}

    @Override
    public void close() {}
  };

  void stepTo(long done);

  @Override
  void close();

  /**
   * A bar when a person watches and the work is large, else {@link #NONE}.
   *
   * @param unitName e.g. {@code " MiB"}; {@code unitSize} units of work make one
   */
  static Progress start(Terminal terminal, String task, long max, String unitName, long unitSize) {
    if (!terminal.interactive() || max <= 0) {
      return NONE;
    }
    ProgressBar bar = new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(max)
        .setUnit(unitName, unitSize)
        .setStyle(terminal.colour() ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.UNICODE_BLOCK)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .setUpdateIntervalMillis(200)
        .clearDisplayOnFinish()
        .build();
    return new Progress() {
      @Override
      public void stepTo(long done) {
        bar.stepTo(done);
      }

      @Override
      public void close() {
        bar.close();
      }
    };
  }
}
