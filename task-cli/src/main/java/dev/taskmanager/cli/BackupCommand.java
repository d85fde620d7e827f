package dev.taskmanager.cli;

import dev.taskmanager.cli.store.OpenedStore;
import dev.taskmanager.mongo.adapter.DeletedTasks;
import dev.taskmanager.mongo.adapter.MongoTaskStore;
import dev.taskmanager.mongo.adapter.MongoTokenStore;
import dev.taskmanager.mongo.adapter.MongoUserStore;
import dev.taskmanager.mongo.backup.BackupHeader;
import dev.taskmanager.mongo.backup.MongoBackups;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(name = "backup", description = {
    "Writes a backup of the whole store to a file, while the app runs: every task, the deleted tasks "
        + "kept for undo, the id sequence, the users (with their password hashes) and the API tokens (their hashes), "
        + "each document as stored.",
    "",
    "The file is gzip-compressed JSON lines with a header (format version, time, counts) and a SHA-256 "
        + "checksum; it appears only once it is whole. task restore FILE puts it back; task restore --check "
        + "FILE checks it."},
    footer = {
        "  task backup tasks-$(date +%%F).backup.jsonl.gz",
        "  task restore --check tasks-2026-12-24.backup.jsonl.gz"
    })
final class BackupCommand extends StoreCommand<Path> {

  @Parameters(paramLabel = "FILE", description = "Where to write the backup.")
  Path file;

  @Option(names = "--force", description = "Replace the file if it exists.")
  boolean force;

  @Override
  Path checkInput() {
    Path folder = file.toAbsolutePath().getParent();
    if (Files.isDirectory(file)) {
      throw new ParameterException(spec.commandLine(), file + " is a folder; give the backup file's name");
    }
    if (Files.exists(file) && !force) {
      throw new ParameterException(spec.commandLine(),
          file + " exists: choose another name, or add --force to replace it");
    }
    if (folder == null || !Files.isDirectory(folder)) {
      throw new ParameterException(spec.commandLine(), "there is no folder " + folder + " to write " + file + " in");
    }
    if (!Files.isWritable(folder)) {
      throw new ParameterException(spec.commandLine(), "the folder " + folder + " cannot be written in");
    }
    return file;
  }

  @Override
  int run(OpenedStore store, Path target) {
    MongoBackups backups = store.backups().orElseThrow(() -> new CliException(ExitCodes.USAGE,
        "a store in memory (TASK_STORE=memory) keeps nothing to back up; backups are of the embedded store or a"
            + " MongoDB"));
    try {
      BackupHeader header = backups.backup(target);
      out().println("backed up " + describe(header) + " to " + target + " (" + size(target) + ")");
      return ExitCodes.OK;
    } catch (UncheckedIOException cannotWrite) {
      throw new CliException(ExitCodes.INVALID_INPUT, cannotWrite.getMessage(), cannotWrite);
    }
  }

  /**
   * {@code 120 tasks, 3 deleted tasks, 2 users and 1 API token of TaskManager, taken
   * 2026-12-24T03:00:00Z; the next id is 131}; a file written before users and tokens existed says
   * that restoring it leaves them alone.
   */
  static String describe(BackupHeader header) {
    boolean accounts = header.counts().containsKey(MongoUserStore.COLLECTION);
    return contents(header.counts(), accounts) + " of " + header.database() + ", taken " + header.createdAt()
        + "; the next id is " + header.sequence()
        + (accounts ? "" : "; it holds no users or API tokens (it was written before there were any), and restoring"
            + " it leaves them as they are");
  }

  /** {@code 120 tasks, 3 deleted tasks, 2 users and 1 API token}, or without the last two. */
  static String contents(Map<String, Long> counts, boolean accounts) {
    List<String> parts = new ArrayList<>(List.of(counted(counts.getOrDefault(MongoTaskStore.TASKS, 0L), "task"),
        counted(counts.getOrDefault(DeletedTasks.COLLECTION, 0L), "deleted task")));
    if (accounts) {
      parts.add(counted(counts.getOrDefault(MongoUserStore.COLLECTION, 0L), "user"));
      parts.add(counted(counts.getOrDefault(MongoTokenStore.COLLECTION, 0L), "API token"));
    }
    return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
  }

  private static String size(Path file) {
    try {
      long bytes = Files.size(file);
      return bytes < 10_000 ? bytes + " bytes" : bytes < 10_000_000 ? bytes / 1000 + " kB" : bytes / 1_000_000 + " MB";
    } catch (IOException unknown) {
      return "size unknown";
    }
  }
}
