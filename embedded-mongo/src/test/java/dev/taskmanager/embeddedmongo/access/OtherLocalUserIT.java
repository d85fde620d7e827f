package dev.taskmanager.embeddedmongo.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.taskmanager.embeddedmongo.EmbeddedMongoServer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another user of the machine can neither read nor change the data of a running server, even when
 * the data directory itself is open to all: the files are the owner's alone, and the port wants the
 * secret that only the owner can read. Needs root, to run {@link StrangerProbe} as {@code nobody}
 * (setpriv); skipped elsewhere unless {@code TASK_E2E_REQUIRED=1}.
 */
@Timeout(120)
class OtherLocalUserIT {

  private static final String NOBODY = "65534";

  @TempDir
  Path scratch;

  private Path dataDir;
  private EmbeddedMongoServer server;

  @BeforeEach
  void startAsOwnerWithTheDirectoryOpenToAll() throws IOException {
    requireRoot();
    open(scratch, "rwxr-xr-x");
    dataDir = scratch.resolve("data");
    server = EmbeddedMongoServer.start(dataDir, "test.mv.db", 0);
    open(dataDir, "rwxr-xr-x");
    try (MongoClient owner = MongoClients.create(server.uri())) {
      owner.getDatabase("db").getCollection("things").insertOne(new Document("_id", 1));
    }
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void anotherUserGetsNeitherTheFilesNorThePortNorTheDirectory() throws Exception {
    List<String> lines = probe(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"), "nobody");

    assertThat(lines).containsExactly(
        "read test.mv.db: refused, AccessDeniedException",
        "read mongo.address: refused, AccessDeniedException",
        "read mongo.secret: refused, AccessDeniedException",
        "read lock: refused, AccessDeniedException",
        "runningOn: nothing",
        "find: refused, 13 Unauthorized",
        "insert: refused, 13 Unauthorized",
        "open the directory: refused, EmbeddedMongoException");
    try (MongoClient owner = MongoClients.create(server.uri())) {
      assertThat(owner.getDatabase("db").getCollection("things").countDocuments()).isEqualTo(1);
    }
  }

  @Test
  void theOwnerRunningTheSameProbeGetsEverything() throws Exception {
    List<String> lines = probe(List.of(), "owner");

    assertThat(lines).hasSize(8);
    assertThat(lines.get(0)).matches("read test.mv.db: \\d+ bytes");
    assertThat(lines.get(1)).matches("read mongo.address: \\d+ bytes");
    assertThat(lines.get(2)).isEqualTo("read mongo.secret: 44 bytes");
    assertThat(lines.get(4)).isEqualTo("runningOn: a URI");
    assertThat(lines.subList(5, 8)).containsExactly(
        "find: 1 documents", "insert: inserted", "open the directory: refused, DataDirectoryInUseException");
  }

  /** Runs the probe from a copy of the class path that any user can read (the local Maven repository may not be). */
  private List<String> probe(List<String> asUser, String label) throws Exception {
    Path classes = Files.createDirectories(scratch.resolve("classpath"));
    List<String> entries = new ArrayList<>();
    int index = 0;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path source = Path.of(entry);
      if (Files.exists(source)) {
        Path copy = classes.resolve(index++ + "-" + source.getFileName());
        if (!Files.exists(copy)) {
          copyTree(source, copy);
        }
        entries.add(copy.toString());
      }
    }
    openTree(classes);
    List<String> command = new ArrayList<>(asUser);
    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
        "-cp", String.join(File.pathSeparator, entries), StrangerProbe.class.getName(),
        dataDir.toString(), server.address(), label));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).describedAs(out).isZero();
    return out.lines().collect(Collectors.toList());
  }

  private static void copyTree(Path source, Path target) throws IOException {
    try (Stream<Path> paths = Files.walk(source)) {
      paths.forEach(path -> {
        try {
          Files.copy(path, target.resolve(source.relativize(path).toString()));
        } catch (IOException failed) {
          throw new UncheckedIOException(failed);
        }
      });
    }
  }

  private static void openTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        open(path, Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--");
      }
    }
  }

  private static void open(Path path, String permissions) throws IOException {
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
  }

  private static void requireRoot() throws IOException {
    boolean root = Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    if (!root || !Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
      String reason = "running as another user needs root and /usr/bin/setpriv";
      if ("1".equals(System.getenv("TASK_E2E_REQUIRED"))) {
        Assertions.fail(reason + " — and TASK_E2E_REQUIRED=1");
      }
      org.junit.jupiter.api.Assumptions.assumeTrue(false, reason);
    }
  }
}
