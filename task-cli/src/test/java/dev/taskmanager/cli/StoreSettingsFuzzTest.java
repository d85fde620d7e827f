package dev.taskmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.mongo.testing.HostileSettingValues;
import dev.taskmanager.mongo.testing.HostileSettingValues.Setting;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Random and hostile values for the store's four variables and flags, through the CLI's real
 * {@code run} in-process: a value is taken (shown by {@code --help} answering) or refused with exit 2,
 * one line {@code task: …} and the usual hint, never a stack trace; and the CLI accepts exactly what
 * task-mongo's rules accept, which the web app's SettingsFuzzTest checks for the web app too.
 */
class StoreSettingsFuzzTest {

  /** Fresh values made per setting, besides the fixed ones: about 700 runs of 5 to 10 ms. */
  private static final int MUTATIONS = 25;


  @Test
  void everyStoreVariableAndFlagTakesAValueOrRefusesItWithOneLineAndStatus2() {
    long seed = HostileSettingValues.seed();
    Random random = new Random(seed);
    Map<String, String> refusedCounts = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    for (Setting setting : HostileSettingValues.storeSettings()) {
      int refused = 0;
      List<String> values = setting.values(random, MUTATIONS);
      for (String value : values) {
        for (Form form : Form.values()) {
          Run run = form.run(setting, value);
          String problem = run.problem();
          if (problem == null && form != Form.SEPARATE_FLAG && run.accepted() != HostileSettingValues.storeRuleAccepts(setting.variable(), value, form == Form.VARIABLE)) {
            problem = (run.accepted() ? "accepted" : "refused") + " what task-mongo's rule "
                + (run.accepted() ? "refuses" : "accepts");
          }
          if (problem != null) {
            failures.add(form + " " + setting.variable() + "=\"" + HostileSettingValues.printable(value) + "\": " + problem
                + "\n" + run);
          }
          refused += run.accepted() ? 0 : 1;
        }
      }
      refusedCounts.put(setting.variable(), refused + " of " + values.size() * Form.values().length);
    }
    System.out.println("StoreSettingsFuzzTest: seed " + seed + " (repeat with -Dsettings.fuzz.seed=" + seed + "); refused "
        + refusedCounts);

    assertThat(failures).describedAs("seed " + seed).isEmpty();
  }


  /** How a value reaches the CLI. */
  private enum Form {
    VARIABLE, ATTACHED_FLAG, SEPARATE_FLAG;

    /**
     * With --help first, so that a value the CLI takes shows the usage without opening a store;
     * refused ones again as {@code task stats}, which must refuse them alike.
     */
    Run run(Setting setting, String value) {
      Map<String, String> environment = new HashMap<>(Map.of("TASK_STORE", "memory"));
      List<String> args = new ArrayList<>();
      if (this == VARIABLE) {
        environment.put(setting.variable(), value);
      } else if (this == ATTACHED_FLAG) {
        args.add(setting.flag() + "=" + value);
      } else {
        args.addAll(List.of(setting.flag(), value));
      }
      args.add(0, "--help");
      Run withHelp = Run.of(environment, args);
      if (withHelp.accepted() || withHelp.problem() != null || this == SEPARATE_FLAG) {
        return withHelp;
      }
      args.set(0, "stats");
      Run stats = Run.of(environment, args);
      return stats.firstLine().equals(withHelp.firstLine()) ? stats : new Run(stats.exitCode, stats.out,
          stats.err + " (with --help: " + withHelp.err + ")");
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  private static final class Run {
    final int exitCode;
    final String out;
    final String err;

    Run(int exitCode, String out, String err) {
      this.exitCode = exitCode;
      this.out = out;
      this.err = err;
    }

    static Run of(Map<String, String> environment, List<String> args) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int exitCode = TaskCli.run(environment, args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
      return new Run(exitCode, out.toString(), err.toString());
    }

    boolean accepted() {
      return exitCode == 0;
    }

    String firstLine() {
      return err.lines().findFirst().orElse("");
    }

    /** What is wrong with this run, or null. */
    String problem() {
      if (exitCode == 0) {
        return err.isEmpty() ? null : "exit 0 with a message";
      }
      if (exitCode != ExitCodes.USAGE) {
        return "exit " + exitCode + ", not 2";
      }
      List<String> lines = err.lines().collect(java.util.stream.Collectors.toList());
      if (lines.size() != 2 || !lines.get(0).startsWith("task: ") || !lines.get(1).startsWith("Try 'task")) {
        return "not one line \"task: …\" and the hint";
      }
      if (HostileSettingValues.STACK_TRACE.matcher(err).find()) {
        return "a stack trace or a class name";
      }
      return out.isEmpty() ? null : "printed to standard output";
    }

    @Override
    public String toString() {
      return "  exit " + exitCode + "; err: " + HostileSettingValues.printable(err) + "; out: "
          + HostileSettingValues.printable(out);
    }
  }
}
