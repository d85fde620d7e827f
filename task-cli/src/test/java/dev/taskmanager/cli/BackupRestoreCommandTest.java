package dev.taskmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.cli.Cli.Result;
import dev.taskmanager.cli.store.StoreModules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code task backup FILE} and {@code task restore FILE} on the embedded store, as an admin runs them. */
class BackupRestoreCommandTest {

  private final Cli cli = new Cli(StoreModules::select);

  @TempDir
  Path dataDir;

  @TempDir
  Path folder;

  @Test
  void aBackupRestoredOnATerminalAfterYesBringsTheTasksBack() {
    run("add", "Water the plants");
    run("add", "Pay rent", "--due", "2026-12-24", "--tag", "home");
    cli.terminal.stdin("violet-tram-oyster\n");
    run("user", "add", "ann", "--role", "admin", "--password-stdin");
    Path file = folder.resolve("tasks.backup.jsonl.gz");

    Result backedUp = run("backup", file.toString());
    run("delete", "0");
    run("add", "Made after the backup");
    run("user", "remove", "ann");
    cli.terminal.interactive = true;
    cli.terminal.answers.add("yes");
    Result restored = run("restore", file.toString());
    Result listed = run("list", "sort:id", "--format", "csv");

    assertThat(backedUp.exitCode()).as(backedUp.err()).isZero();
    assertThat(backedUp.out()).matches("backed up 2 tasks, 0 deleted tasks, 1 user and 0 API tokens of TaskManager, taken \\S+; the next id"
        + " is 2 to " + java.util.regex.Pattern.quote(file.toString()) + " \\(\\d+ bytes\\)\n");
    assertThat(restored.exitCode()).as(restored.err()).isZero();
    assertThat(restored.out()).startsWith(file + ": 2 tasks, 0 deleted tasks, 1 user and 0 API tokens of TaskManager, taken ")
        .contains("; checksum verified\nrestored 2 tasks, 0 deleted tasks, 1 user and 0 API tokens of TaskManager, taken ")
        .endsWith("; the next id is 2\n");
    assertThat(restored.err()).isEqualTo("task: audit: " + System.getProperty("user.name") + " (command line) restored"
        + " the backup " + file + " over the store: now 2 tasks, 0 deleted tasks, 1 user and 0 API tokens\n");
    assertThat(cli.terminal.prompts).singleElement().asString()
        .startsWith("Replace the 2 tasks, 1 deleted task, 0 users and 0 API tokens in ").endsWith(" with the backup's? Type yes to confirm: ");
    assertThat(Cli.tutorialColumns(listed.out())).isEqualTo("id,title,shortdesc,priority\n0,Water the plants,,0\n1,Pay rent,,0\n");
    assertThat(run("add", "Next").out()).isEqualTo("3\n");
    assertThat(run("user", "list", "--format", "csv").out()).contains("\nann,admin,");
  }

  @Test
  void withoutATerminalARestoreNeedsYesAndACheckChangesNothing() {
    run("add", "Kept");
    Path file = folder.resolve("tasks.backup.jsonl.gz");
    run("backup", file.toString());
    run("add", "Not in the backup");

    Result refused = run("restore", file.toString());
    Result checked = run("restore", "--check", file.toString());
    Result listed = run("list", "--format", "csv");
    Result restored = run("restore", "--yes", file.toString());

    assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.err()).startsWith("task: restoring a backup replaces every task, user and token: run it on a terminal to confirm, or add --yes");
    assertThat(checked.exitCode()).as(checked.err()).isZero();
    assertThat(checked.out()).contains("1 task, 0 deleted tasks, 0 users and 0 API tokens").contains("checksum verified");
    assertThat(Cli.tutorialColumns(listed.out())).isEqualTo("id,title,shortdesc,priority\n0,Kept,,0\n1,Not in the backup,,0\n");
    assertThat(restored.exitCode()).as(restored.err()).isZero();
    assertThat(Cli.tutorialColumns(run("list", "--format", "csv").out())).isEqualTo("id,title,shortdesc,priority\n0,Kept,,0\n");
  }

  @Test
  void aDamagedFileIsRefusedWithExit1AndTheStoreIsUnchanged() throws IOException {
    run("add", "Still here");
    Path junk = folder.resolve("junk.backup.jsonl.gz");
    Files.writeString(junk, "not a backup");

    Result refused = run("restore", "--yes", junk.toString());

    assertThat(refused.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(refused.err()).isEqualTo("task: " + junk + ": it is not a backup: not gzip-compressed data (a backup is what"
        + " task backup writes); nothing was changed\n");
    assertThat(Cli.tutorialColumns(run("list", "--format", "csv").out())).isEqualTo("id,title,shortdesc,priority\n0,Still here,,0\n");
  }

  @Test
  void aBackupDoesNotReplaceAFileUnlessForced() throws IOException {
    Path file = folder.resolve("taken.backup.jsonl.gz");
    Files.writeString(file, "someone's file");

    Result refused = run("backup", file.toString());
    Result forced = run("backup", "--force", file.toString());

    assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.err()).startsWith("task: " + file + " exists: choose another name, or add --force to replace it");
    assertThat(forced.exitCode()).as(forced.err()).isZero();
    assertThat(run("restore", "--check", file.toString()).exitCode()).isZero();
  }

  @Test
  void idsStillRestoreDeletedTasksAndTheOptionsOfAFileAreRefusedWithThem() {
    run("add", "Deleted then restored");
    run("delete", "0");

    Result withYes = run("restore", "--yes", "0");
    Result restored = run("restore", "0");

    assertThat(withYes.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(withYes.err()).startsWith("task: --yes and --check are for restoring a backup file");
    assertThat(restored.out()).isEqualTo("restored 0: Deleted then restored\n");
  }

  @Test
  void aStoreInMemoryHasNothingToBackUp() {
    Result refused = new Cli().run("backup", folder.resolve("memory.backup.jsonl.gz").toString());

    assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.err()).startsWith("task: a store in memory (TASK_STORE=memory) keeps nothing to back up");
  }

  private Result run(String... args) {
    String[] withDataDir = java.util.Arrays.copyOf(args, args.length + 2);
    withDataDir[args.length] = "--data-dir";
    withDataDir[args.length + 1] = dataDir.toString();
    return cli.run(withDataDir);
  }
}
