package dev.taskmanager.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The programs the end-to-end tests run that the build cannot bring: missing, the tests are skipped
 * with the reason, unless {@code TASK_E2E_REQUIRED=1} (as in CI), where a missing one fails them.
 */
final class Required {

  static final Path NGINX = Path.of("/usr/sbin/nginx");
  static final Path ENVSUBST = Path.of("/usr/bin/envsubst");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path OPENSSL = Path.of("/usr/bin/openssl");

  private Required() {}

  static void nginx() {
    executables("nginx and envsubst are needed (apt-get install nginx-light gettext-base)", NGINX, ENVSUBST);
  }

  static void chromium() {
    executables("Chromium is needed (apt-get install chromium chromium-driver)", CHROMIUM, CHROMEDRIVER);
  }

  static void openssl() {
    executables("openssl is needed (apt-get install openssl)", OPENSSL);
  }

  private static void executables(String need, Path... programs) {
    for (Path program : programs) {
      if (!Files.isExecutable(program)) {
        String reason = program + " is missing: " + need;
        if ("1".equals(System.getenv("TASK_E2E_REQUIRED"))) {
          Assertions.fail(reason + ", and TASK_E2E_REQUIRED=1 says these tests must run");
        }
        Assumptions.abort(reason);
      }
    }
  }
}
