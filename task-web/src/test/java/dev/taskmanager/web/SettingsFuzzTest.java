package dev.taskmanager.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.mongo.testing.HostileSettingValues;
import dev.taskmanager.mongo.testing.HostileSettingValues.Setting;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Random and hostile values for every variable and every flag of the web app, through its real
 * {@code run} in-process: a value is accepted (shown by {@code --help} answering) or refused with
 * exit 2 and exactly one line on standard error, never a stack trace; and the store's four settings
 * accept exactly what task-mongo's rules accept, which the CLI's test checks for the CLI too.
 */
class SettingsFuzzTest {

  /** Fresh values made per setting, besides the fixed ones: about 1,500 runs of 2 ms in all. */
  private static final int MUTATIONS = 25;

  private static final List<Setting> WEB_SETTINGS = List.of(
      new Setting("TASK_HTTP_HOST", "--http-host", List.of("127.0.0.1", "0.0.0.0", "::1", "[::1]", "localhost",
          "example.com", "a b", "host_name", "-x", "[::1", "1.2.3.4.5")),
      new Setting("TASK_HTTP_PORT", "--http-port", List.of("0", "8080", "65535", "65536", "-1", " 80 ", "08080", "abc")),
      new Setting("TASK_WORKER_THREADS", "--worker-threads", List.of("auto", "AUTO", "1", "1000", "1001", "0", "many")),
      new Setting("TASK_SECRET", "--secret", List.of("s".repeat(32), "s".repeat(31), "has a space but is long enough to pass",
          "tab\tinside-a-secret-that-is-long-enough", "$$" + "s".repeat(40))),
      new Setting("TASK_DEV", "--dev", List.of("0", "1", "true", "false", "TRUE", "maybe", "yes")),
      new Setting("TASK_TRUSTED_PROXIES", "--trusted-proxies", List.of("none", "127.0.0.1,::1", "10.0.0.0/8, fd00::/8",
          "proxy.local", "10.0.0.0/33", "10.0.0.1/8", "::1/129")),
      new Setting("TASK_METRICS_FROM", "--metrics-from", List.of("none", "127.0.0.1,::1", "172.16.0.0/12",
          "prometheus", "10.0.0.0/33", "::1/129")),
      new Setting("TASK_LOG_FORMAT", "--log-format", List.of("text", "json", "JSON", " json ", "xml", "logfmt", "")));


  @Test
  void everyVariableAndFlagTakesAValueOrRefusesItWithOneLineAndStatus2() {
    long seed = HostileSettingValues.seed();
    Random random = new Random(seed);
    List<Setting> settings = new ArrayList<>(WEB_SETTINGS);
    settings.addAll(HostileSettingValues.storeSettings());
    Map<String, String> refusedCounts = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    for (Setting setting : settings) {
      int refused = 0;
      List<String> values = setting.values(random, MUTATIONS);
      for (String value : values) {
        for (Form form : Form.values()) {
          Run run = form.run(setting, value);
          String problem = run.problem();
          if (problem == null && HostileSettingValues.isStoreSetting(setting.variable()) && form != Form.SEPARATE_FLAG
              && run.accepted() != HostileSettingValues.storeRuleAccepts(setting.variable(), value, form == Form.VARIABLE)) {
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
    System.out.println("SettingsFuzzTest: seed " + seed + " (repeat with -Dsettings.fuzz.seed=" + seed + "); refused "
        + refusedCounts);

    assertThat(failures).describedAs("seed " + seed).isEmpty();
  }


  /** How a value reaches the app. */
  private enum Form {
    VARIABLE, ATTACHED_FLAG, SEPARATE_FLAG;

    /**
     * With --help first, so that a value the app takes shows the usage instead of starting a server
     * (after the value, --help could be taken as a value, or come after "--"); and in case one
     * starts all the same, on a free port and in memory.
     */
    Run run(Setting setting, String value) {
      Map<String, String> environment = new java.util.HashMap<>(Map.of("TASK_HTTP_PORT", "0", "TASK_STORE", "memory",
          "TASK_SECRET", TestServer.SECRET));
      List<String> args = new ArrayList<>(List.of("--help"));
      if (this == VARIABLE) {
        environment.put(setting.variable(), value);
      } else if (this == ATTACHED_FLAG) {
        args.add(setting.flag() + "=" + value);
      } else {
        args.addAll(List.of(setting.flag(), value));
      }
      Run withHelp = Run.of(environment, args);
      if (withHelp.accepted() || withHelp.problem() != null || this == SEPARATE_FLAG) {
        return withHelp;
      }
      // Refused: refused the same way when starting for real. Not for a separate value, which may
      // take the place of --help ("--").
      args.remove("--help");
      Run starting = Run.of(environment, args);
      return starting.err.equals(withHelp.err) ? starting : new Run(starting.status, starting.out,
          starting.err + " (with --help: " + withHelp.err + ")");
    }

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
  }

  private static final class Run {
    final int status;
    final String out;
    final String err;

    Run(int status, String out, String err) {
      this.status = status;
      this.out = out;
      this.err = err;
    }

    static Run of(Map<String, String> environment, List<String> args) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int status = WebApp.run(environment, args.toArray(String[]::new), print(out), print(err));
      return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    boolean accepted() {
      return status == 0;
    }

    /** What is wrong with this run, or null. */
    String problem() {
      if (status == 0) {
        return out.startsWith("Usage: task-web") && err.isEmpty() ? null : "exit 0 without the usage";
      }
      if (status != 2) {
        return "exit " + status + ", not 2";
      }
      List<String> lines = err.lines().collect(java.util.stream.Collectors.toList());
      if (lines.size() != 1 || !err.endsWith("\n") || !lines.get(0).startsWith("task-web: ")) {
        return "not one line \"task-web: …\"";
      }
      if (HostileSettingValues.STACK_TRACE.matcher(err).find()) {
        return "a stack trace or a class name";
      }
      return out.isEmpty() ? null : "printed to standard output";
    }

    @Override
    public String toString() {
      return "  exit " + status + "; err: " + HostileSettingValues.printable(err) + "; out: "
          + HostileSettingValues.printable(out);
    }
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }
}
