package dev.taskmanager.cli;

import com.google.inject.Inject;
import dev.taskmanager.cli.store.OpenedStore;
import dev.taskmanager.core.model.DeletedTask;
import dev.taskmanager.core.usecase.RestoreTask;
import dev.taskmanager.mongo.adapter.MongoUserStore;
import dev.taskmanager.mongo.backup.BackupFileException;
import dev.taskmanager.mongo.backup.BackupHeader;
import dev.taskmanager.mongo.backup.MongoBackups;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(name = "restore", description = {
    "Brings deleted tasks back under their ids, as they were; or puts a whole backup back.",
    "",
    "With ids: deleted tasks are kept aside for " + DeletedTask.KEPT_DAYS + " days (task deleted lists them). "
        + "With ids not among them, the others are still restored and the exit code is 3.",
    "",
    "With a file (one that task backup wrote; a name that is only digits is an id, so write ./7): checks "
        + "the whole file first and refuses one it cannot read, cut short, or changed since it was written; "
        + "then replaces every task, deleted task, user and API token with the backup's, whole or not at all, "
        + "while the app runs (a backup written before there were users leaves them and the tokens as they are). The id sequence never goes back, so no id handed out since the backup is handed out again. "
        + "Asks first on a terminal; elsewhere it refuses unless --yes is given. --check only checks the file."},
    footer = {
        "  task restore 7",
        "  task deleted",
        "  task restore --check tasks-2026-12-24.backup.jsonl.gz",
        "  task restore tasks-2026-12-24.backup.jsonl.gz"
    })
final class RestoreCommand extends StoreCommand<RestoreCommand.Target> {

  @Parameters(paramLabel = "ID|FILE", arity = "1..*",
      description = "The ids of deleted tasks, or one backup file.")
  List<String> targets;

  @Option(names = {"-y", "--yes"}, description = "Restoring a backup: do not ask, replace every task.")
  boolean yes;

  @Option(names = "--check", description = "Restoring a backup: only check the file and say what it holds.")
  boolean check;

  @Inject
  Terminal terminal;

  /** What to restore: deleted tasks by id, or a backup. */
  sealed interface Target permits Ids, Backup {}

  record Ids(Set<Long> ids) implements Target {}

  record Backup(Path file) implements Target {}

  @Override
  Target checkInput() {
    if (targets.size() == 1 && namesAFile(targets.get(0))) {
      if (!check && !yes && !terminal.interactive()) {
        throw new ParameterException(spec.commandLine(),
            "restoring a backup replaces every task, user and token: run it on a terminal to confirm, or add --yes");
      }
      return new Backup(Path.of(targets.get(0)));
    }
    if (yes || check) {
      throw new ParameterException(spec.commandLine(),
          "--yes and --check are for restoring a backup file; deleted tasks come back by id without asking");
    }
    if (targets.size() > 1 && targets.stream().anyMatch(RestoreCommand::namesAFile)) {
      throw new ParameterException(spec.commandLine(),
          "restore takes the ids of deleted tasks, or one backup file; not both, nor two files");
    }
    return new Ids(TaskIds.parse(targets));
  }

  /** A backup's name: not an id (digits alone), and a file there or a name with a dot or a folder in it. */
  private static boolean namesAFile(String target) {
    String text = target.strip();
    return !text.matches("[0-9]+") && (text.contains(".") || text.contains("/") || Files.exists(Path.of(text)));
  }

  @Override
  int run(OpenedStore store, Target target) {
    if (target instanceof Ids ids) {
      return EachIdCommand.eachId(ids.ids(), id -> new RestoreTask(store.tasks()).restore(id), "restored", out(), err());
    }
    Path file = ((Backup) target).file();
    try {
      BackupHeader header = MongoBackups.check(file);
      out().println(file + ": " + BackupCommand.describe(header) + "; checksum verified");
      if (check) {
        return ExitCodes.OK;
      }
      MongoBackups backups = store.backups().orElseThrow(() -> new CliException(ExitCodes.USAGE,
          "a store in memory (TASK_STORE=memory) has no backups to restore into; backups are of the embedded store"
              + " or a MongoDB"));
      if (!yes) {
        Map<String, Long> now = backups.counts();
        out().flush();
        String replaced = BackupCommand.contents(now, header.counts().containsKey(MongoUserStore.COLLECTION));
        String answer = terminal.readLine("Replace the " + replaced + " in " + store.description()
            + " with the backup's? Type yes to confirm: ");
        if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).matches("y|yes")) {
          throw new CliException(ExitCodes.INVALID_INPUT, "restore cancelled: nothing was changed");
        }
      }
      BackupHeader restored = backups.restore(file);
      audit("restored the backup " + file + " over the store: now "
          + BackupCommand.contents(restored.counts(), restored.counts().containsKey(MongoUserStore.COLLECTION)));
      out().println("restored " + BackupCommand.describe(restored));
      return ExitCodes.OK;
    } catch (BackupFileException refused) {
      throw new CliException(ExitCodes.INVALID_INPUT, refused.getMessage(), refused);
    }
  }
}
