package dev.taskmanager.mongo.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;

/** The mixin as a program uses it: variables, flags in both spellings, and the one line for a mistake. */
class StoreOptionsTest {

  @Command(name = "program")
  static final class Program {
    @Mixin
    StoreOptions store = new StoreOptions();
  }

  @Test
  void defaultsToTheEmbeddedStoreInData() {
    StoreOptions options = parse(Map.of());

    assertThat(options.kind()).isEqualTo(StoreKind.MONGO);
    assertThat(options.mongoUri()).isEmpty();
    assertThat(options.database()).isEqualTo("TaskManager");
    assertThat(options.dataDir()).isEqualTo(Path.of("data"));
    assertThat(options.settings()).isEqualTo(StoreSettings.defaults());
  }

  @Test
  void readsEveryVariableAndAFlagWinsInEitherSpelling() {
    Map<String, String> environment = Map.of("TASK_STORE", "memory", "TASK_MONGO_URI", "mongodb://db/", "TASK_DB", "Tasks",
        "TASK_DATA_DIR", "/srv/tasks");

    StoreOptions fromVariables = parse(environment);
    StoreOptions fromFlags = parse(environment, "--store", "mongo", "--db=Other", "--data-dir", "d", "--mongo-uri=mongodb://x/");

    assertThat(fromVariables.kind()).isEqualTo(StoreKind.MEMORY);
    assertThat(fromVariables.mongoUri()).contains("mongodb://db/");
    assertThat(fromVariables.database()).isEqualTo("Tasks");
    assertThat(fromVariables.dataDir()).isEqualTo(Path.of("/srv/tasks"));
    assertThat(fromFlags.kind()).isEqualTo(StoreKind.MONGO);
    assertThat(fromFlags.mongoUri()).contains("mongodb://x/");
    assertThat(fromFlags.database()).isEqualTo("Other");
    assertThat(fromFlags.dataDir()).isEqualTo(Path.of("d"));
  }

  @Test
  void takesAVariableExactlyAsSetAndAnEmptyOneAsUnset() {
    assertThat(parse(Map.of("TASK_MONGO_URI", "mongodb://u:pa$$w@db.example/")).mongoUri()).contains("mongodb://u:pa$$w@db.example/");
    assertThat(parse(Map.of("TASK_DATA_DIR", "${USER}/a$$b")).dataDir()).isEqualTo(Path.of("${USER}/a$$b"));
    assertThat(parse(Map.of("TASK_DATA_DIR", "a${")).dataDir()).isEqualTo(Path.of("a${"));
    assertThat(parse(Map.of("TASK_DB", "", "TASK_MONGO_URI", "")).settings()).isEqualTo(StoreSettings.defaults());
  }

  @Test
  void aValueThatLooksLikeAnOptionIsAValueAsGetoptTakesIt() {
    assertThat(parse(Map.of("TASK_DB", "--help")).database()).isEqualTo("--help");
    assertThat(parse(Map.of(), "--db=--store").database()).isEqualTo("--store");
    assertThat(parse(Map.of(), "--db", "--").database()).isEqualTo("--");
  }

  @Test
  void aBadVariableAndItsFlagGetTheSameLine() {
    String expected = "TASK_DB (--db) is \"a/b\"; accepted: " + new StoreConfiguration.DatabaseConverter().accepted();

    assertThat(refusal(Map.of("TASK_DB", "a/b"))).isEqualTo(expected);
    assertThat(refusal(Map.of(), "--db", "a/b")).isEqualTo(expected);
    assertThat(refusal(Map.of(), "--db=a/b")).isEqualTo(expected);
  }

  @Test
  void aFlagWithoutAValueSaysWhatItNeeds() {
    assertThat(refusal(Map.of(), "--store")).isEqualTo("--store needs a value: mongo or memory");
  }

  @Test
  void aGoodFlagOverridesABadVariable() {
    assertThat(parse(Map.of("TASK_DB", "a/b"), "--db", "Tasks").database()).isEqualTo("Tasks");
  }

  @Test
  void describesTheStoreWithoutItsPassword() {
    assertThat(StoreOptions.of(StoreKind.MONGO, "mongodb://admin:s3cret@db.example:27017/", "Tasks", Path.of("data")).describeMongo())
        .isEqualTo("MongoDB at mongodb://admin:****@db.example:27017/, database Tasks");
  }

  private static StoreOptions parse(Map<String, String> environment, String... args) {
    Program program = new Program();
    new CommandLine(program).setDefaultValueProvider(new EnvironmentDefaults(environment)).parseArgs(args);
    return program.store;
  }

  private static String refusal(Map<String, String> environment, String... args) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> parse(environment, args));
    assertThat(thrown).isInstanceOf(ParameterException.class);
    return InvalidSettingException.oneLine((ParameterException) thrown).orElseThrow();
  }
}
