package dev.taskmanager.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskmanager.mongo.wiring.StoreKind;
import dev.taskmanager.web.http.AddressRanges;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Configuration from environment variables and flags, and the one line a wrong value gives. */
class SettingsTest {

  @Test
  void worksWithNoConfiguration() {
    Settings settings = Settings.defaults();

    assertThat(settings.httpHost()).isEqualTo("127.0.0.1");
    assertThat(settings.httpPort()).isEqualTo(8080);
    assertThat(settings.dataDir()).isEqualTo(Path.of("data"));
    assertThat(settings.database()).isEqualTo("TaskManager");
    assertThat(settings.mongoUri()).isNull();
    assertThat(settings.secret()).isNull();
    assertThat(settings.dev()).isFalse();
    assertThat(settings.store()).isEqualTo(StoreKind.MONGO);
  }

  @Test
  void readsEveryVariable() {
    Settings settings = Settings.parse(Map.ofEntries(
        Map.entry("TASK_MONGO_URI", "mongodb://db:27017/?replicaSet=rs0"),
        Map.entry("TASK_DB", "Tasks2"),
        Map.entry("TASK_DATA_DIR", "/var/lib/tasks"),
        Map.entry("TASK_HTTP_HOST", "0.0.0.0"),
        Map.entry("TASK_HTTP_PORT", "9090"),
        Map.entry("TASK_WORKER_THREADS", "24"),
        Map.entry("TASK_SECRET", "s".repeat(32)),
        Map.entry("TASK_DEV", "true"),
        Map.entry("TASK_STORE", "MEMORY"),
        Map.entry("TASK_TRUSTED_PROXIES", "10.0.0.0/8, fd00::/8"),
        Map.entry("TASK_METRICS_FROM", "10.1.2.3"),
        Map.entry("TASK_LOG_FORMAT", "JSON")));

    assertThat(settings).isEqualTo(new Settings(StoreKind.MEMORY, "mongodb://db:27017/?replicaSet=rs0",
        "Tasks2", Path.of("/var/lib/tasks"), "0.0.0.0", 9090, 24, "s".repeat(32), true,
        AddressRanges.parse("10.0.0.0/8,fd00::/8"), AddressRanges.parse("10.1.2.3"), ZoneId.systemDefault(),
        LogFormat.JSON, false));
  }

  @Test
  void workerThreadsAreTwoPerCoreUnlessSet() {
    assertThat(Settings.defaults().workerThreads()).isEqualTo(2 * Runtime.getRuntime().availableProcessors());
    assertThat(Settings.parse(Map.of(), "--worker-threads", "3").workerThreads()).isEqualTo(3);
  }

  @Test
  void aFlagWinsOverItsVariableInEitherSpelling() {
    Settings settings = Settings.parse(Map.of("TASK_HTTP_PORT", "9090", "TASK_HTTP_HOST", "::1"),
        "--http-port", "7070", "--http-host=localhost", "--dev", "--db=Other", "--data-dir", "d");

    assertThat(settings.httpPort()).isEqualTo(7070);
    assertThat(settings.httpHost()).isEqualTo("localhost");
    assertThat(settings.dev()).isTrue();
    assertThat(settings.database()).isEqualTo("Other");
    assertThat(settings.dataDir()).isEqualTo(Path.of("d"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "TASK_HTTP_PORT | abc        | TASK_HTTP_PORT (--http-port) is \"abc\"; accepted: a whole number from 0 to 65535 (0 picks a free port)",
      "TASK_HTTP_PORT | 65536      | TASK_HTTP_PORT (--http-port) is \"65536\"; accepted: a whole number from 0 to 65535 (0 picks a free port)",
      "TASK_HTTP_PORT | -1         | TASK_HTTP_PORT (--http-port) is \"-1\"; accepted: a whole number from 0 to 65535 (0 picks a free port)",
      "TASK_WORKER_THREADS | 0    | TASK_WORKER_THREADS (--worker-threads) is \"0\"; accepted: auto (2 per core) or a whole number from 1 to 1000",
      "TASK_WORKER_THREADS | 1001 | TASK_WORKER_THREADS (--worker-threads) is \"1001\"; accepted: auto (2 per core) or a whole number from 1 to 1000",
      "TASK_WORKER_THREADS | many | TASK_WORKER_THREADS (--worker-threads) is \"many\"; accepted: auto (2 per core) or a whole number from 1 to 1000",
      "TASK_HTTP_HOST | 'a b'      | TASK_HTTP_HOST (--http-host) is \"a b\"; accepted: an IP address or a host name, e.g. 127.0.0.1 or 0.0.0.0",
      "TASK_DEV       | maybe      | TASK_DEV (--dev) is \"maybe\"; accepted: 1, true, 0 or false",
      "TASK_LOG_FORMAT | xml      | TASK_LOG_FORMAT (--log-format) is \"xml\"; accepted: text or json",
      "TASK_STORE     | redis      | TASK_STORE (--store) is \"redis\"; accepted: mongo or memory",
      "TASK_TRUSTED_PROXIES | proxy.local | TASK_TRUSTED_PROXIES (--trusted-proxies) is \"proxy.local\"; accepted: IP addresses or CIDR ranges separated by commas, e.g. 127.0.0.1,10.0.0.0/8, or none",
      "TASK_METRICS_FROM | 10.0.0.0/33 | TASK_METRICS_FROM (--metrics-from) is \"10.0.0.0/33\"; accepted: IP addresses or CIDR ranges separated by commas, e.g. 127.0.0.1,10.0.0.0/8, or none",
      "TASK_SECRET    | short      | TASK_SECRET (--secret) is 5 characters long; accepted: at least 32 characters, no spaces or control characters",
      "TASK_MONGO_URI | http://x   | TASK_MONGO_URI (--mongo-uri) does not start with mongodb:// or mongodb+srv://; accepted: mongodb://host[:port][,host...]/[?options] or mongodb+srv://host/[?options], with the user name and password percent-encoded; unset: the embedded store",
  })
  void aWrongValueNamesTheVariableAndWhatIsAccepted(String variable, String value, String message) {
    assertThatThrownBy(() -> Settings.parse(Map.of(variable, value)))
        .isInstanceOf(SettingsException.class)
        .hasMessage(message);
  }

  @Test
  void aWrongDatabaseNameSaysWhatANameMayHold() {
    assertThatThrownBy(() -> Settings.parse(Map.of("TASK_DB", "a/b")))
        .hasMessageStartingWith("TASK_DB (--db) is \"a/b\"; accepted: a MongoDB database name: 1 to 63 bytes");
  }

  @Test
  void neverEchoesASecretOrAUri() {
    assertThatThrownBy(() -> Settings.parse(Map.of("TASK_SECRET", "has a space but is long enough to pass")))
        .hasMessageNotContaining("space but");
    assertThatThrownBy(() -> Settings.parse(Map.of("TASK_MONGO_URI", "mongo://user:hunter2@db")))
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void refusesUnknownFlagsAndFlagsWithoutValue() {
    assertThatThrownBy(() -> Settings.parse(Map.of(), "--port", "1")).hasMessageStartingWith("unknown option \"--port\"");
    assertThatThrownBy(() -> Settings.parse(Map.of(), "--http-port")).hasMessageStartingWith("--http-port needs a value");
  }

  @Test
  void aWrongValueStopsStartUpWithOneLineAndStatus2() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status = WebApp.run(Map.of("TASK_HTTP_PORT", "eighty"), new String[0], print(out), print(err));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("task-web: TASK_HTTP_PORT (--http-port) is \"eighty\";"
        + " accepted: a whole number from 0 to 65535 (0 picks a free port)" + System.lineSeparator());
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void aTakenPortStopsStartUpWithOneLine() {
    try (TestServer running = TestServer.start()) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();

      int status = WebApp.run(Map.of("TASK_SECRET", TestServer.SECRET, "TASK_STORE", "memory"), new String[] {"--http-port",
          Integer.toString(running.uri("/").getPort())}, print(new ByteArrayOutputStream()), print(err));

      assertThat(status).isEqualTo(2);
      assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
          .startsWith("task-web: TASK_HTTP_PORT (--http-port): cannot listen on 127.0.0.1:");
    }
  }

  @Test
  void helpListsEveryFlagWithItsVariable() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertThat(WebApp.run(Map.of(), new String[] {"--help"}, print(out), print(new ByteArrayOutputStream()))).isZero();

    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--http-host=HOST", "TASK_HTTP_HOST", "--http-port=PORT",
        "TASK_HTTP_PORT", "--worker-threads=N", "TASK_WORKER_THREADS", "--secret=SECRET", "TASK_SECRET",
        "--trusted-proxies=LIST", "TASK_TRUSTED_PROXIES", "--metrics-from=LIST", "TASK_METRICS_FROM",
        "--log-format=FORMAT", "TASK_LOG_FORMAT", "--dev",
        "TASK_DEV", "--store=KIND", "TASK_STORE",
        "--mongo-uri=URI", "TASK_MONGO_URI", "--db=NAME", "TASK_DB", "--data-dir=DIR", "TASK_DATA_DIR");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "mongodb://                                | is not a usable MongoDB connection string (the driver says: The connection string contains an empty host '[]')",
      "mongodb://h/?serverSelectionTimeoutMS=abc | is not a usable MongoDB connection string (the driver says: The connection string contains an invalid value for 'serverselectiontimeoutms'. 'abc' is not a valid integer)",
      "mongodb://admin:s3cret@h.example/?maxPoolSize=-1  | is not a usable MongoDB connection string (the driver says: state should be: maxSize >= 0)",
  })
  void aUriTheDriverRefusesStopsStartUpWithOneLineNotAStackTrace(String uri, String problem) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status = WebApp.run(Map.of("TASK_MONGO_URI", uri), new String[0], print(out), print(err));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("task-web: TASK_MONGO_URI (--mongo-uri) " + problem
        + "; accepted: mongodb://host[:port][,host...]/[?options] or mongodb+srv://host/[?options], with the user name"
        + " and password percent-encoded; unset: the embedded store" + System.lineSeparator());
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void anEmptyVariableCountsAsUnsetButAnEmptyFlagIsAMistake() {
    Settings settings = Settings.parse(Map.of("TASK_HTTP_PORT", "", "TASK_DB", "", "TASK_SECRET", "", "TASK_MONGO_URI", ""));

    assertThat(settings).isEqualTo(Settings.defaults());
    assertThatThrownBy(() -> Settings.parse(Map.of(), "--db=")).hasMessageStartingWith("TASK_DB (--db) is \"\"; accepted:");
  }

  @Test
  void takesAVariableExactlyAsSet() {
    assertThat(Settings.parse(Map.of("TASK_SECRET", "$$" + "s".repeat(30) + "${USER}")).secret())
        .isEqualTo("$$" + "s".repeat(30) + "${USER}");
  }

  @Test
  void devAloneMeansOneAndTakesAnAttachedValue() {
    assertThat(Settings.parse(Map.of("TASK_DEV", "1"), "--dev=0").dev()).isFalse();
    assertThat(Settings.parse(Map.of(), "--dev").dev()).isTrue();
    assertThatThrownBy(() -> Settings.parse(Map.of(), "--dev=maybe")).hasMessageStartingWith("TASK_DEV (--dev) is \"maybe\"");
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }
}
