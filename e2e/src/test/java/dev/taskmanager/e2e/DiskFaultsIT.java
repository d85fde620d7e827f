package dev.taskmanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The web app and {@code bin/task} opening a data directory on a full disk, or one they cannot write
 * in: one clear line on standard error, a non-zero exit, and the data as it was.
 *
 * <p>The tests run as root, here and in CI, where file permissions stop nothing. A full disk is
 * RLIMIT_FSIZE instead, set by {@code ulimit -f} in a shell that then runs the program: the kernel
 * refuses every write past the limit with EFBIG ("File too large"), as a full disk refuses it with
 * ENOSPC, and the JVM ignores the SIGXFSZ that comes with it, so the program sees a failed write. A
 * directory root cannot write in is one on sysfs: it refuses new files to everyone (and in a
 * container it is mounted read-only besides).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DiskFaultsIT {

  /** No room at all, and room for the small files but not for the data file to grow (512-byte blocks). */
  private static final List<Integer> FULL_DISK_BLOCKS = List.of(0, 1);
  private static final Path UNWRITABLE = Path.of("/sys/kernel");

  private final Path dir = Path.of("target", "e2e", "DiskFaultsIT").toAbsolutePath();
  private final Path repository = StackExtension.repository();

  @Test
  void aFullDiskStopsStartUpWithOneClearLineAndLeavesTheDataFileAlone() throws Exception {
    Path dataDir = dir.resolve("data");
    StackExtension.deleteRecursively(dataDir);
    Files.createDirectories(dataDir);
    Path titles = Files.writeString(dir.resolve("titles.txt"), "Pay the rent\nCall Anna\nBook the trip\n");
    assertThat(Programs.task(repository, Map.of("TASK_DATA_DIR", dataDir.toString()), "add", "--titles-from",
        titles.toString()).status()).isZero();
    Path dataFile = dataDir.resolve("tasks.mv.db");
    String before = sha256(dataFile);

    List<String> messages = new ArrayList<>();
    for (int blocks : FULL_DISK_BLOCKS) {
      for (List<String> program : List.of(webApp(), task("add", "Needs room"), task("list"))) {
        Programs.Run run = Programs.run(withFileSizeLimit(blocks, program), Map.of("TASK_DATA_DIR", dataDir.toString(),
            "TASK_HTTP_HOST", "127.0.0.1", "TASK_HTTP_PORT", "0", "JAVA_HOME", System.getProperty("java.home")));
        String what = name(program) + " with room for " + blocks + " × 512 bytes";
        assertOneClearLine(what, run);
        messages.add(what + ": " + run.err().strip());
        assertThat(sha256(dataFile)).describedAs("the data file after " + what).isEqualTo(before);
        assertThat(dataDir.resolve("web-secret")).describedAs("no empty secret left behind by " + what)
            .satisfiesAnyOf(secret -> assertThat(secret).doesNotExist(), secret -> assertThat(secret).isNotEmptyFile());
      }
    }
    messages.forEach(message -> System.out.println("DiskFaultsIT: " + message));

    Programs.Run listed = Programs.task(repository, Map.of("TASK_DATA_DIR", dataDir.toString()), "list", "--format", "csv");
    assertThat(Programs.tutorialColumns(listed.out())).describedAs("the tasks, with room again: " + listed.err())
        .isEqualTo("id,title,shortdesc,priority\n0,Pay the rent,,0\n1,Call Anna,,0\n2,Book the trip,,0\n");
  }

  @Test
  void aDataDirectoryThatCannotBeWrittenStopsStartUpWithOneClearLine() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(UNWRITABLE), UNWRITABLE + " is missing: not Linux?");
    Assumptions.assumeFalse(canCreateAFileIn(UNWRITABLE), UNWRITABLE + " accepts new files here");
    Map<String, String> settings = Map.of("TASK_DATA_DIR", UNWRITABLE.toString(), "TASK_HTTP_HOST", "127.0.0.1",
        "TASK_HTTP_PORT", "0", "JAVA_HOME", System.getProperty("java.home"));

    List<String> messages = new ArrayList<>();
    for (List<String> program : List.of(webApp(), task("add", "Needs a writable directory"), task("list"))) {
      Programs.Run run = Programs.run(program, settings);
      assertOneClearLine(name(program), run);
      assertThat(run.err()).describedAs(name(program)).contains(UNWRITABLE.toString());
      messages.add(name(program) + ": " + run.err().strip());
    }
    // With a secret given, nothing needs writing before the store: its own message, not the secret's.
    Map<String, String> withSecret = new java.util.HashMap<>(settings);
    withSecret.put("TASK_SECRET", "a-secret-of-at-least-thirty-two-characters");
    Programs.Run run = Programs.run(webApp(), withSecret);
    assertOneClearLine("task-web with TASK_SECRET", run);
    messages.add("task-web with TASK_SECRET: " + run.err().strip());
    messages.forEach(message -> System.out.println("DiskFaultsIT: " + message));
  }

  private static void assertOneClearLine(String what, Programs.Run run) {
    assertThat(run.status()).describedAs(what + "'s exit status; stderr: " + run.err()).isNotZero();
    assertThat(run.err().lines()).describedAs(what + "'s standard error").hasSize(1)
        .allSatisfy(line -> assertThat(line).matches("task(-web)?: .+").doesNotContain("Exception", "\tat ", "@"));
    assertThat(run.out()).describedAs(what + "'s standard output").doesNotContain("Exception", "\tat ");
  }

  /** Runs the program under a file size limit of {@code blocks} × 512 bytes (see the class comment). */
  private static List<String> withFileSizeLimit(int blocks, List<String> program) {
    List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "ulimit -f " + blocks + " && exec \"$0\" \"$@\""));
    command.addAll(program);
    return command;
  }

  private List<String> webApp() {
    return List.of(Programs.JAVA, "-Xmx256m", "-jar", Programs.webJar(repository).toString());
  }

  private List<String> task(String... arguments) {
    return Programs.taskCommand(repository, List.of(arguments));
  }

  private static String name(List<String> program) {
    return program.contains("-jar") ? "task-web" : "bin/task " + String.join(" ", program.subList(2, program.size()));
  }

  private static boolean canCreateAFileIn(Path directory) {
    Path probe = directory.resolve("task-manager-probe");
    try {
      Files.createFile(probe);
      Files.delete(probe);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
