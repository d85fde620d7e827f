package dev.taskmanager.embeddedmongo.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoSecurityException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import dev.taskmanager.embeddedmongo.EmbeddedMongoServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The port serves only a client that presents the server's secret; anyone else gets MongoDB's 13 Unauthorized. */
class PortAccessTest {

  @TempDir
  Path parent;

  private EmbeddedMongoServer server;

  @BeforeEach
  void startWithADocument() {
    server = EmbeddedMongoServer.start(parent.resolve("data"), "test.mv.db", 0);
    try (MongoClient owner = MongoClients.create(server.uri())) {
      owner.getDatabase("db").getCollection("things").insertOne(new Document("_id", 1).append("secret", "plans"));
    }
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void theUriCarriesTheSecretAndTheAddressDoesNot() {
    assertThat(server.uri()).startsWith("mongodb://embedded:").contains("authMechanism=PLAIN");
    assertThat(server.address()).matches("mongodb://127\\.0\\.0\\.1:\\d+");
    assertThat(EmbeddedMongoServer.runningOn(parent.resolve("data"))).contains(server.uri());
  }

  @Test
  void aClientWithoutTheSecretCanNeitherReadNorWrite() {
    try (MongoClient stranger = MongoClients.create(server.address())) {
      MongoCollection<Document> things = stranger.getDatabase("db").getCollection("things");

      assertThat(stranger.getDatabase("admin").runCommand(new Document("isMaster", 1)).get("ok")).isEqualTo(1.0);
      assertUnauthorized(() -> things.find().first());
      assertUnauthorized(() -> things.countDocuments());
      assertUnauthorized(() -> things.insertOne(new Document("_id", 2)));
      assertUnauthorized(() -> things.deleteMany(new Document()));
      assertUnauthorized(() -> stranger.listDatabaseNames().first());
      assertUnauthorized(() -> stranger.getDatabase("db").drop());
      assertUnauthorized(() -> stranger.getDatabase("admin").runCommand(new Document("serverStatus", 1)));
      assertThatThrownBy(() -> stranger.getDatabase("db").runCommand(new Document("saslContinue", 1)))
          .isInstanceOfSatisfying(MongoCommandException.class, refused -> assertThat(refused.getErrorCode()).isEqualTo(18));
    }
    try (MongoClient owner = MongoClients.create(server.uri())) {
      assertThat(owner.getDatabase("db").getCollection("things").find().into(new java.util.ArrayList<>()))
          .containsExactly(new Document("_id", 1).append("secret", "plans"));
    }
  }

  @Test
  void aWrongSecretOrAnotherMechanismFailsToAuthenticate() {
    String wrong = server.uri().replaceFirst("embedded:[^@]+@", "embedded:guess@");
    try (MongoClient guesser = MongoClients.create(wrong)) {
      assertThatThrownBy(() -> guesser.getDatabase("db").getCollection("things").find().first())
          .isInstanceOf(MongoSecurityException.class)
          .cause().isInstanceOfSatisfying(MongoCommandException.class, refused -> {
            assertThat(refused.getErrorCode()).isEqualTo(18);
            assertThat(refused.getErrorMessage()).isEqualTo("Authentication failed.");
          });
    }
    String scram = server.uri().replace("authMechanism=PLAIN&authSource=%24external", "authMechanism=SCRAM-SHA-256");
    try (MongoClient other = MongoClients.create(scram)) {
      assertThatThrownBy(() -> other.getDatabase("db").getCollection("things").find().first())
          .isInstanceOf(MongoSecurityException.class)
          .hasStackTraceContaining("accepted: PLAIN");
    }
  }

  @Test
  void legacyQueriesThatNoDriverSendsAreRefusedToo() throws Exception {
    List<BsonDocument> reply = LegacyQuery.send(server.address(), "db.things", new BsonDocument());
    assertThat(reply).singleElement().satisfies(error -> {
      assertThat(error.get("code")).isEqualTo(new BsonInt32(13));
      assertThat(error.toJson()).doesNotContain("plans");
    });

    List<BsonDocument> find = LegacyQuery.send(server.address(), "db.$cmd", new BsonDocument("find", new BsonString("things")));
    assertThat(find).singleElement().satisfies(error -> assertThat(error.get("code")).isEqualTo(new BsonInt32(13)));

    List<BsonDocument> status =
        LegacyQuery.send(server.address(), "admin.$cmd", new BsonDocument("serverStatus", new BsonInt32(1)));
    assertThat(status).singleElement().satisfies(error -> assertThat(error.get("code")).isEqualTo(new BsonInt32(13)));
  }

  @Test
  void theDataDirectoryAndEveryFileTheServerKeepsThereAreTheOwnersAlone() throws Exception {
    Path dataDir = parent.resolve("data");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
    for (String file : List.of("test.mv.db", "mongo.address", "mongo.secret", "lock")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(file))))
          .describedAs(file).isEqualTo("rw-------");
    }
  }

  @Test
  void theSecretIsKeptSoThatAClientGivenTheUriGetsInAgainAfterARestart() throws Exception {
    String before = server.uri();
    server.close();
    server = EmbeddedMongoServer.start(parent.resolve("data"), "test.mv.db", URI.create(before).getPort());

    assertThat(server.uri()).isEqualTo(before);
    try (MongoClient again = MongoClients.create(before)) {
      assertThat(again.getDatabase("db").getCollection("things").countDocuments()).isEqualTo(1);
    }
  }

  @Test
  void aDamagedSecretFileIsReplacedByANewSecret() throws Exception {
    String before = server.uri();
    server.close();
    Files.write(parent.resolve("data").resolve("mongo.secret"), "not a secret: é\n".getBytes(StandardCharsets.UTF_8));

    server = EmbeddedMongoServer.start(parent.resolve("data"), "test.mv.db", 0);

    assertThat(server.uri()).startsWith("mongodb://embedded:").isNotEqualTo(before);
    try (MongoClient owner = MongoClients.create(server.uri())) {
      assertThat(owner.getDatabase("db").getCollection("things").countDocuments()).isEqualTo(1);
    }
  }

  @Test
  void aDataFileLeftReadableByAnEarlierReleaseIsMadeTheOwnersAlone() throws Exception {
    server.close();
    Path file = parent.resolve("data").resolve("test.mv.db");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    server = EmbeddedMongoServer.start(parent.resolve("data"), "test.mv.db", 0);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  private static void assertUnauthorized(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(MongoCommandException.class, refused -> {
      assertThat(refused.getErrorCode()).isEqualTo(13);
      assertThat(refused.getErrorMessage()).endsWith("requires authentication");
    });
  }
}
