package dev.taskmanager.mongo.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The store's four settings: what each accepts, and the one line for each mistake. */
class StoreConfigurationTest {

  private final StoreConfiguration.KindConverter store = new StoreConfiguration.KindConverter();
  private final StoreConfiguration.MongoUriConverter mongoUri = new StoreConfiguration.MongoUriConverter();
  private final StoreConfiguration.DatabaseConverter database = new StoreConfiguration.DatabaseConverter();
  private final StoreConfiguration.DataDirConverter dataDir = new StoreConfiguration.DataDirConverter();

  @Test
  void acceptsEitherStoreInAnyCase() {
    assertThat(store.convert("mongo")).isEqualTo(StoreKind.MONGO);
    assertThat(store.convert(" MEMORY ")).isEqualTo(StoreKind.MEMORY);
    assertThatThrownBy(() -> store.convert("redis"))
        .hasMessage("TASK_STORE (--store) is \"redis\"; accepted: mongo or memory");
    assertThatThrownBy(() -> store.convert("")).hasMessage("TASK_STORE (--store) is \"\"; accepted: mongo or memory");
  }

  @ParameterizedTest
  @ValueSource(strings = {"mongodb://db:27017", "mongodb://db1,db2,db3/?replicaSet=rs0&w=majority",
      "mongodb+srv://cluster.example.com/?retryWrites=true", "mongodb://admin:p%40ss@db.example/?authSource=admin",
      "mongodb://[::1]:27017/", "mongodb://u:pa$$w@db.example/"})
  void acceptsConnectionStringsTheDriverTakes(String uri) {
    assertThat(mongoUri.convert(uri)).isEqualTo(uri);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "mongodb://                                   | is not a usable MongoDB connection string (the driver says: The connection string contains an empty host '[]')",
      "mongodb+srv://                               | is not a usable MongoDB connection string (the driver says: The connection string contains an empty host '[]')",
      "mongodb://h/?serverSelectionTimeoutMS=abc    | is not a usable MongoDB connection string (the driver says: The connection string contains an invalid value for 'serverselectiontimeoutms'. 'abc' is not a valid integer)",
      "mongodb://h/?minPoolSize=10&maxPoolSize=5    | is not a usable MongoDB connection string (the driver says: state should be: maxSize >= minSize)",
      "mongodb://h/?timeoutMS=-1                    | is not a usable MongoDB connection string (the driver says: state should be: timeoutMS > 0)",
      "garbage                                      | does not start with mongodb:// or mongodb+srv://",
      "http://admin:s3cret@db                       | does not start with mongodb:// or mongodb+srv://",
      "'mongodb://db/?appName=a b'                  | holds a space or an invisible character",
  })
  void refusesEveryUnusableUriWithOneLine(String uri, String problem) {
    assertThatThrownBy(() -> mongoUri.convert(uri)).isInstanceOf(InvalidSettingException.class)
        .hasMessage("TASK_MONGO_URI (--mongo-uri) " + problem + "; accepted: " + mongoUri.accepted());
  }

  @ParameterizedTest
  @ValueSource(strings = {"mongodb://admin:" + "hunter2@", "mongodb://admin:hunter2@db.example:99999/", "mongodb://admin:hunter2@db.example:abc/",
      "mongodb://admin:hun@ter2.example@db/", "mongodb://admin:hunter2%zz@db.example/", "mongodb://admin:hunter2@db.example/?authMechanism=BOGUS",
      "mongodb://admin:hunt/er2@db.example/", "mongodb://admin:hunter2@db.example/?authMechanism=MONGODB-X509", "mongodb://admin:hunter2\u0000@db.example/",
      "mongodb://hunter2@[db/", "mongodb://admin:" + "hunter2@[db/"})
  void neverShowsThePassword(String uri) {
    assertThatThrownBy(() -> mongoUri.convert(uri)).isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("TASK_MONGO_URI (--mongo-uri) ")
        .hasMessageNotContaining("hunter2").hasMessageNotContaining("hun").hasMessageNotContaining("er2");
  }

  @Test
  void anEmptyUriIsAMistakeNotTheEmbeddedStore() {
    assertThatThrownBy(() -> mongoUri.convert("")).hasMessageStartingWith("TASK_MONGO_URI (--mongo-uri) is empty;");
  }

  @ParameterizedTest
  @ValueSource(strings = {"TaskManager", "Tasks2", "tâches", "日本", "a-b_c", "{x}"})
  void acceptsDatabaseNamesMongoDbTakesEverywhere(String name) {
    assertThat(database.convert(name)).isEqualTo(name);
  }

  @Test
  void aDatabaseNameHasFewerThan64Bytes() {
    assertThat(database.convert("a".repeat(63))).hasSize(63);
    assertThatThrownBy(() -> database.convert("a".repeat(64))).isInstanceOf(InvalidSettingException.class);
    assertThat(database.convert("é".repeat(31))).hasSize(31);
    assertThatThrownBy(() -> database.convert("é".repeat(32))).isInstanceOf(InvalidSettingException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "Task.Manager", "a/b", "a\\b", "a b", "a\"b", "a$b", "a*b", "a<b", "a>b", "a:b", "a|b", "a?b",
      "a\u0000b", "a\tb", "a\u2003b", "\ud800", " TaskManager"})
  void refusesDatabaseNamesMongoDbRefusesSomewhere(String name) {
    assertThatThrownBy(() -> database.convert(name)).isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("TASK_DB (--db) is \"")
        .hasMessageEndingWith("\"; accepted: a MongoDB database name: 1 to 63 bytes in UTF-8, none of / \\ . \" $ * < > : | ?,"
            + " no spaces or control characters");
  }

  @Test
  void aDataDirIsAPathWithoutControlCharacters() {
    assertThat(dataDir.convert("/var/lib/tasks")).isEqualTo(Path.of("/var/lib/tasks"));
    assertThat(dataDir.convert(" my data")).isEqualTo(Path.of(" my data"));
    assertThatThrownBy(() -> dataDir.convert(" ")).hasMessage(
        "TASK_DATA_DIR (--data-dir) is \" \"; accepted: a directory path, without control characters");
    assertThatThrownBy(() -> dataDir.convert("a\u0000b"))
        .hasMessageStartingWith("TASK_DATA_DIR (--data-dir) is \"a\\u0000b\"");
  }
}
