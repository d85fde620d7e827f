package dev.taskmanager.embeddedmongo;

import dev.taskmanager.embeddedmongo.access.ClientSecret;
import dev.taskmanager.embeddedmongo.storage.FileFailures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code mongo.secret} in the data directory: the secret the server demands of its clients, made
 * once and kept, so that a client given the URI (a second app with {@code TASK_MONGO_URI}) still gets
 * in after the server restarts. Only the owner may read it. A missing or damaged one is made anew:
 * it guards the data, it is not data.
 */
final class SecretFile {

  static final String FILE_NAME = "mongo.secret";

  private SecretFile() {}

  /** Called with the data directory locked: no other server writes it meanwhile. */
  static ClientSecret readOrCreate(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    try {
      if (Files.exists(file)) {
        OwnerOnly.restrict(file);
        // Decoded leniently: bytes that are not ASCII make it damaged, not unreadable.
        Optional<ClientSecret> kept = ClientSecret.parse(new String(Files.readAllBytes(file), StandardCharsets.US_ASCII));
        if (kept.isPresent()) {
          return kept.get();
        }
        Files.delete(file);
      }
      ClientSecret secret = ClientSecret.random();
      Files.createFile(file, OwnerOnly.newFile());
      Files.writeString(file, secret.text() + "\n", StandardCharsets.US_ASCII);
      return secret;
    } catch (IOException failed) {
      throw new EmbeddedMongoException("cannot keep the client secret in " + file + ": " + FileFailures.reason(failed)
          + "; accepted: a writable directory of the user running the server", failed);
    }
  }
}
