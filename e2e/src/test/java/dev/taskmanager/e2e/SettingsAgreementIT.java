package dev.taskmanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.mongo.testing.HostileSettingValues;
import dev.taskmanager.mongo.testing.HostileSettingValues.Setting;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The web app and the CLI, as built, agree on the store's four settings: each value, random or
 * hostile, given as the variable, as {@code --flag=value} and as {@code --flag value}, is accepted by
 * both or refused by both, with the same line after the program's name; and a few refusals as real
 * processes, from the environment a shell gives them, are one line and exit status 2.
 *
 * <p>Both runnable jars are loaded into class loaders of their own and run through their mains'
 * in-process entry points ({@code WebApp.run}, {@code TaskCli.run}), with {@code --help} first, so
 * that an accepted value shows the usage instead of starting a server or opening a store.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SettingsAgreementIT {

  /** Fresh values made per setting, besides the fixed ones: about 900 runs of each program. */
  private static final int MUTATIONS = 40;
  private static final Path ROOT = Path.of(System.getProperty("task.root", "..")).toAbsolutePath().normalize();

  private static URLClassLoader webJar;
  private static URLClassLoader cliJar;
  private static Method webRun;
  private static Method cliRun;

  @BeforeAll
  static void loadBothPrograms() throws Exception {
    webJar = loader(Programs.webJar(ROOT));
    cliJar = loader(ROOT.resolve("task-cli/target/task-cli.jar"));
    webRun = webJar.loadClass("dev.taskmanager.web.WebApp")
        .getDeclaredMethod("run", Map.class, String[].class, PrintStream.class, PrintStream.class);
    cliRun = cliJar.loadClass("dev.taskmanager.cli.TaskCli")
        .getDeclaredMethod("run", Map.class, String[].class, PrintWriter.class, PrintWriter.class);
    webRun.setAccessible(true);
    cliRun.setAccessible(true);
  }

  @AfterAll
  static void close() throws Exception {
    webJar.close();
    cliJar.close();
  }

  @Test
  void bothProgramsAcceptTheSameStoreSettingsAndRefuseThemWithTheSameLine() throws Exception {
    long seed = HostileSettingValues.seed();
    Random random = new Random(seed);
    Map<String, String> refusedCounts = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    for (Setting setting : HostileSettingValues.storeSettings()) {
      int refused = 0;
      List<String> values = setting.values(random, MUTATIONS);
      for (String value : values) {
        for (String form : List.of("variable", "attached flag", "separate flag")) {
          Map<String, String> environment = new HashMap<>(Map.of("TASK_STORE", "memory"));
          List<String> args = new ArrayList<>(List.of("--help"));
          if (form.equals("variable")) {
            environment.put(setting.variable(), value);
          } else if (form.equals("attached flag")) {
            args.add(setting.flag() + "=" + value);
          } else {
            args.addAll(List.of(setting.flag(), value));
          }
          Outcome web = runWeb(environment, args);
          Outcome cli = runCli(environment, args);
          String problem = web.status != cli.status ? "the web app exits " + web.status + ", the CLI " + cli.status
              : !web.message.equals(cli.message) ? "different messages"
              : web.status != 0 && web.status != 2 ? "exit " + web.status
              : web.status == 2 && !(web.lines == 1 && cli.lines == 2) ? "not one line (and the CLI's hint)"
              : HostileSettingValues.STACK_TRACE.matcher(web.message).find() ? "a stack trace or a class name" : null;
          if (problem != null) {
            failures.add(form + " " + setting.variable() + "=\"" + HostileSettingValues.printable(value) + "\": " + problem
                + "\n  web: " + web + "\n  cli: " + cli);
          }
          refused += web.status == 0 ? 0 : 1;
        }
      }
      refusedCounts.put(setting.variable(), refused + " of " + values.size() * 3);
    }
    System.out.println("SettingsAgreementIT: seed " + seed + " (repeat with -Dsettings.fuzz.seed=" + seed + "); refused "
        + refusedCounts);

    assertThat(failures).describedAs("seed " + seed).isEmpty();
  }

  @Test
  void aBadVariableStopsEitherProcessWithOneLineAndStatus2() {
    Map<String, String> badValues = Map.of(
        "TASK_MONGO_URI", "mongodb://", "TASK_DB", "a${", "TASK_STORE", "redis", "TASK_DATA_DIR", " ");
    for (Map.Entry<String, String> bad : badValues.entrySet()) {
      Map<String, String> environment = Map.of(bad.getKey(), bad.getValue(), "JAVA_HOME", System.getProperty("java.home"));
      Programs.Run web = Programs.run(List.of(Programs.JAVA, "-jar", Programs.webJar(ROOT).toString()), environment);
      Programs.Run cli = Programs.task(ROOT, environment, "stats");

      assertThat(web.status()).as(bad + ": " + web).isEqualTo(2);
      assertThat(web.err().lines()).as(bad + ": " + web).singleElement().asString().startsWith("task-web: " + bad.getKey());
      assertThat(cli.status()).as(bad + ": " + cli).isEqualTo(2);
      assertThat(cli.err().lines().findFirst().orElseThrow()).as(bad + ": " + cli)
          .isEqualTo("task: " + web.err().strip().substring("task-web: ".length()));
      assertThat(web.out() + cli.out()).isEmpty();
    }
  }

  private static Outcome runWeb(Map<String, String> environment, List<String> args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = (int) invoke(webRun, environment, args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return Outcome.of(status, err.toString(StandardCharsets.UTF_8), "task-web: ");
  }

  private static Outcome runCli(Map<String, String> environment, List<String> args) throws Exception {
    StringWriter err = new StringWriter();
    int status = (int) invoke(cliRun, environment, args.toArray(String[]::new), new PrintWriter(new StringWriter()),
        new PrintWriter(err));
    return Outcome.of(status, err.toString(), "task: ");
  }

  private static Object invoke(Method run, Object... arguments) throws Exception {
    try {
      return run.invoke(null, arguments);
    } catch (InvocationTargetException failed) {
      throw new AssertionError("the program threw instead of answering", failed.getCause());
    }
  }

  private static URLClassLoader loader(Path jar) throws Exception {
    if (!Files.isRegularFile(jar)) {
      throw new AssertionError(jar + " is missing: build it first (./mvnw verify builds it before these tests)");
    }
    // The platform loader as parent: each program sees its own libraries only, as in its own JVM.
    return new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
  }

  /** A program's exit status and its first error line without its name. */
  private record Outcome(int status, String message, int lines) {
    static Outcome of(int status, String err, String prefix) {
      String first = err.lines().findFirst().orElse("");
      return new Outcome(status, first.startsWith(prefix) ? first.substring(prefix.length()) : first,
          (int) err.lines().count());
    }

    @Override
    public String toString() {
      return "exit " + status + ", " + lines + " lines: " + HostileSettingValues.printable(message);
    }
  }
}
