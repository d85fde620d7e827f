package dev.taskmanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The proxy's settings as its start-up script checks them: a wrong one stops the container with one
 * line naming it, what was wrong and what is accepted; right ones pick plain HTTP or HTTPS.
 */
class ProxySettingsTest {

  @TempDir
  Path dir;

  @BeforeEach
  void needsEnvsubst() {
    Required.nginx();
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "TASK_WEB_UPSTREAM      | web:8080;rm    | TASK_WEB_UPSTREAM: 'web:8080;rm' is not a host:port; accepted: host:port entries",
      "TASK_PROXY_PORT        | http           | TASK_PROXY_PORT: 'http' is not a port; accepted: a whole number from 1 to 65535",
      "TASK_PROXY_TLS_PORT    | 70000          | TASK_PROXY_TLS_PORT: '70000' is not a port; accepted: a whole number from 1 to 65535",
      "TASK_PUBLIC_HTTPS_PORT | 0              | TASK_PUBLIC_HTTPS_PORT: '0' is not a port; accepted: a whole number from 1 to 65535",
      "TASK_PROXY_PORT        | 99999999999999999999 | TASK_PROXY_PORT: '99999999999999999999' is not a port; accepted: a whole number from 1 to 65535",
      "TASK_PUBLIC_HTTPS_PORT | 0443           | TASK_PUBLIC_HTTPS_PORT: '0443' is not a port; accepted: a whole number from 1 to 65535",
      "TASK_HSTS_MAX_AGE      | 99999999999999999999 | TASK_HSTS_MAX_AGE: '99999999999999999999' is not a number of seconds; accepted: 0 (no header, the default) or a whole number of seconds",
      "TASK_HSTS_MAX_AGE      | 1y             | TASK_HSTS_MAX_AGE: '1y' is not a number of seconds; accepted: 0 (no header, the default) or a whole number of seconds",
      "TASK_TLS_CERT          | /no/cert.pem   | TASK_TLS_KEY is not set while the other half of the pair is; accepted: TASK_TLS_CERT and TASK_TLS_KEY both",
      "TASK_TLS_KEY           | /no/key.pem    | TASK_TLS_CERT is not set while the other half of the pair is; accepted: TASK_TLS_CERT and TASK_TLS_KEY both",
  })
  void refusesAWrongSettingWithOneLineSayingWhatIsAccepted(String setting, String value, String message) {
    Programs.Run render = render(Map.of(setting, value));

    assertThat(render.status()).isEqualTo(1);
    assertThat(render.err()).startsWith(message).hasLineCount(1);
  }

  @Test
  void refusesACertificateThatIsNotAReadableFile() throws IOException {
    Path key = Files.writeString(dir.resolve("key.pem"), "a key");

    Programs.Run render = render(Map.of("TASK_TLS_CERT", dir.resolve("missing.pem").toString(),
        "TASK_TLS_KEY", key.toString()));

    assertThat(render.status()).isEqualTo(1);
    assertThat(render.err()).isEqualTo("TASK_TLS_CERT: '" + dir.resolve("missing.pem")
        + "' is not a readable file; accepted: the path of a PEM file inside the container (mount it read-only)\n");
  }

  @Test
  void servesPlainHttpWithoutACertificateAndHttpsWithOne() throws IOException {
    Path cert = Files.writeString(dir.resolve("cert.pem"), "a certificate");
    Path key = Files.writeString(dir.resolve("key.pem"), "a key");

    assertThat(render(Map.of()).status()).isZero();
    assertThat(Files.readString(dir.resolve("conf.d/task-manager.conf")))
        .contains("include conf.d/task-manager/http.conf;");
    assertThat(render(Map.of("TASK_TLS_CERT", cert.toString(), "TASK_TLS_KEY", key.toString(),
        "TASK_PUBLIC_HTTPS_PORT", "8443", "TASK_HSTS_MAX_AGE", "600")).status()).isZero();
    assertThat(Files.readString(dir.resolve("conf.d/task-manager.conf")))
        .contains("include conf.d/task-manager/https.conf;").contains("https    \"max-age=600\";");
    assertThat(Files.readString(dir.resolve("conf.d/task-manager/https.conf")))
        .contains("return 308 https://$host:8443$request_uri;")
        .contains("ssl_certificate " + cert + ";").contains("ssl_protocols TLSv1.2 TLSv1.3;");
  }

  private Programs.Run render(Map<String, String> settings) {
    Map<String, String> environment = new HashMap<>(settings);
    return Programs.run(List.of("/bin/sh", StackExtension.repository().resolve("proxy/render-template.sh").toString(),
        dir.resolve("conf.d").toString()), environment);
  }
}
