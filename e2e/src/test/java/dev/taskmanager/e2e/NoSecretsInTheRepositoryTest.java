package dev.taskmanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No file the repository tracks holds something that looks like a real secret: a private key, a
 * cloud access key, a filled-in TASK_SECRET, or a MongoDB URI with a password. Test data that
 * needs a credential-shaped value uses an {@code example} host, which this test allows.
 */
class NoSecretsInTheRepositoryTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private static final Map<String, Pattern> LIKELY_SECRETS = Map.of(
      "a private key", Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"),
      "an AWS access key", Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b"),
      "a GitHub token", Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36,}\\b"),
      "a filled-in TASK_SECRET", Pattern.compile("^\\s*TASK_SECRET\\s*[=:]\\s*[A-Za-z0-9+/=_-]{16,}\\s*$"),
      "a MongoDB URI with a password", Pattern.compile("mongodb(\\+srv)?://[^\\s:/@\"']+:[^\\s@\"']+@(?![\\w.-]*example)"));

  @Test
  void trackedFilesHoldNoLikelySecrets() throws Exception {
    List<String> findings = new ArrayList<>();
    for (Path file : trackedFiles()) {
      List<String> lines;
      try {
        lines = Files.readAllLines(ROOT.resolve(file), StandardCharsets.UTF_8);
      } catch (MalformedInputException binary) {
        continue;
      }
      for (int number = 0; number < lines.size(); number++) {
        for (Map.Entry<String, Pattern> secret : LIKELY_SECRETS.entrySet()) {
          if (secret.getValue().matcher(lines.get(number)).find()) {
            findings.add(file + ":" + (number + 1) + ": " + secret.getKey());
          }
        }
      }
    }

    assertThat(findings).describedAs("likely secrets in tracked files").isEmpty();
  }

  @Test
  void noEnvironmentFileWithSecretsIsTracked() throws Exception {
    assertThat(trackedFiles()).map(Path::getFileName).map(Path::toString)
        .doesNotContain(".env", "web-secret", "lock", "tasks.mv.db");
  }

  /** What git tracks, so that build output and local files are left alone. */
  private static List<Path> trackedFiles() throws IOException, InterruptedException {
    Process git = new ProcessBuilder("git", "ls-files", "-z").directory(ROOT.toFile()).start();
    byte[] listing = git.getInputStream().readAllBytes();
    assertThat(git.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(git.exitValue()).describedAs("git ls-files in " + ROOT).isZero();
    List<Path> files = new ArrayList<>();
    for (String name : new String(listing, StandardCharsets.UTF_8).split("\0")) {
      if (!name.isEmpty() && Files.isRegularFile(ROOT.resolve(name))) {
        files.add(Path.of(name));
      }
    }
    assertThat(files).describedAs("tracked files").isNotEmpty();
    return files;
  }
}
