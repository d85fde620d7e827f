package dev.taskmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.cli.Cli.Result;
import dev.taskmanager.core.account.Role;
import dev.taskmanager.core.account.User;
import dev.taskmanager.passwords.Argon2Passwords;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UserCommandTest {

  private static final String GOOD = "violet-tram-oyster";
  private static final String OTHER = "copper-lake-window";

  private final Cli cli = new Cli();
  private final Argon2Passwords passwords = new Argon2Passwords();

  private Result addWithStdin(String name, String role, String stdin) {
    cli.terminal.stdin(stdin);
    return cli.run("user", "add", name, "--role", role, "--password-stdin");
  }

  @Test
  void aUserAddedWithThePasswordOnStandardInputKeepsOnlyItsHash() {
    Result added = addWithStdin("ann", "admin", GOOD + "\n");

    assertThat(added.exitCode()).describedAs(added.toString()).isZero();
    assertThat(added.out()).isEqualTo("added ann (admin)\n");
    assertThat(added.err()).isEmpty();
    User ann = cli.users.find("ann").orElseThrow();
    assertThat(ann.role()).isEqualTo(Role.ADMIN);
    assertThat(ann.passwordHash()).startsWith("$argon2id$").doesNotContain(GOOD);
    assertThat(passwords.matches(GOOD.toCharArray(), ann.passwordHash())).isTrue();
  }

  @Test
  void onlyTheFirstLineOfStandardInputIsThePasswordWithoutItsLineBreak() {
    assertThat(addWithStdin("ann", "editor", GOOD + "\r\nsecond line\n").exitCode()).isZero();
    assertThat(addWithStdin("bob", "editor", OTHER).exitCode()).describedAs("no final line break").isZero();

    assertThat(passwords.matches(GOOD.toCharArray(), cli.users.find("ann").orElseThrow().passwordHash())).isTrue();
    assertThat(passwords.matches(OTHER.toCharArray(), cli.users.find("bob").orElseThrow().passwordHash())).isTrue();
  }

  @Test
  void withoutARoleAUserMayOnlyRead() {
    cli.terminal.stdin(GOOD + "\n");
    Result added = cli.run("user", "add", "ann", "--password-stdin");

    assertThat(added.out()).isEqualTo("added ann (viewer)\n");
  }

  @Test
  void onATerminalThePasswordIsAskedForTwice() {
    cli.terminal.interactive = true;
    cli.terminal.answers.add(GOOD);
    cli.terminal.answers.add(GOOD);

    Result added = cli.run("user", "add", "ann", "--role", "editor");

    assertThat(added.exitCode()).describedAs(added.toString()).isZero();
    assertThat(cli.terminal.prompts).containsExactly("Password for ann: ", "The same again, to be sure: ");
    assertThat(cli.users.count()).isEqualTo(1);
  }

  @Test
  void twoDifferentPasswordsOnATerminalChangeNothing() {
    cli.terminal.interactive = true;
    cli.terminal.answers.add(GOOD);
    cli.terminal.answers.add(OTHER);

    Result added = cli.run("user", "add", "ann");

    assertThat(added.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(added.err()).isEqualTo("task: the two passwords differ; nothing was changed\n");
    assertThat(cli.users.count()).isZero();
  }

  @Test
  void withNoTerminalAndNoPasswordOnStandardInputItSaysHowToGiveOne() {
    Result added = cli.run("user", "add", "ann");

    assertThat(added.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(added.err()).contains("a password is needed: run this on a terminal to type it, or give it on"
        + " standard input with --password-stdin");
    assertThat(cli.users.count()).isZero();
  }

  @Test
  void anEasyPasswordIsRefusedWithTheReasonAndNeverShown() {
    Result added = addWithStdin("ann", "admin", "password1234\n");

    assertThat(added.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(added.err()).contains("password: is easy to guess: ")
        .contains("accepted: 10 to 256 characters, hard to guess (a few unrelated words do well)")
        .doesNotContain("password1234");
    assertThat(cli.users.count()).isZero();
  }

  @Test
  void aBadNameOrATakenOneIsRefusedBeforeAnyPasswordIsAskedFor() {
    cli.terminal.interactive = true;
    Result badName = cli.run("user", "add", "Ann Smith");
    assertThat(badName.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(badName.err()).contains("name: is \"Ann Smith\"; accepted: 1 to 64 of a-z, 0-9, '.', '_' and '-',"
        + " beginning with a letter or a digit");

    addWithStdin("ann", "admin", GOOD + "\n");
    cli.terminal.interactive = true;
    Result taken = cli.run("user", "add", "ann");
    assertThat(taken.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(taken.err()).contains("name: \"ann\" is taken by another user; accepted: a name no user has");

    assertThat(cli.terminal.prompts).isEmpty();
  }

  @Test
  void anUnknownRoleIsAUsageErrorNamingTheRoles() {
    Result added = addWithStdin("ann", "root", GOOD + "\n");

    assertThat(added.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(added.err()).startsWith("task: --role: \"root\" is not accepted; accepted: viewer, editor or admin\n");
  }

  @Test
  void standardInputThatHoldsNoPasswordIsRefused() {
    assertThat(addWithStdin("ann", "admin", "").err())
        .contains("standard input is empty: --password-stdin reads the password from its first line");
    assertThat(addWithStdin("ann", "admin", "x".repeat(2000) + "\n").err())
        .contains("the first line of standard input is longer than any password; accepted: at most 256 characters");
    cli.terminal.stdin = new byte[] {'a', (byte) 0xff, 'b', '\n'};
    assertThat(cli.run("user", "add", "ann", "--password-stdin").err())
        .contains("the first line of standard input is not UTF-8 text");
    assertThat(cli.users.count()).isZero();
  }

  @Test
  void usersAreListedForPeopleAndForScripts() {
    assertThat(cli.run("user", "list").out())
        .isEqualTo("No users. Add the first admin with: task user add NAME --role admin\n");
    addWithStdin("zoe", "viewer", GOOD + "\n");
    addWithStdin("ann", "admin", OTHER + "\n");

    assertThat(cli.run("user", "list").out()).isEqualTo(
        "NAME  ROLE    ADDED             LAST SIGN-IN\n"
            + "ann   admin   2026-12-01 09:30  never\n"
            + "zoe   viewer  2026-12-01 09:30  never\n");
    assertThat(cli.run("user", "list", "--format", "json").out()).isEqualTo(
        "[{\"name\":\"ann\",\"role\":\"admin\",\"createdAt\":\"2026-12-01T09:30:00.123Z\","
            + "\"passwordChangedAt\":\"2026-12-01T09:30:00.123Z\",\"lastSignInAt\":null},"
            + "{\"name\":\"zoe\",\"role\":\"viewer\",\"createdAt\":\"2026-12-01T09:30:00.123Z\","
            + "\"passwordChangedAt\":\"2026-12-01T09:30:00.123Z\",\"lastSignInAt\":null}]\n");
    assertThat(cli.run("user", "list", "--format", "csv").out()).startsWith(
        "name,role,created_at,password_changed_at,last_sign_in_at\nann,admin,2026-12-01T09:30:00.123Z,");
  }

  @Test
  void aNewPasswordReplacesTheOld() {
    addWithStdin("ann", "admin", GOOD + "\n");
    cli.terminal.stdin(OTHER + "\n");

    Result changed = cli.run("user", "passwd", "ann", "--password-stdin");

    assertThat(changed.exitCode()).describedAs(changed.toString()).isZero();
    assertThat(changed.out()).isEqualTo("set the password of ann\n");
    String hash = cli.users.find("ann").orElseThrow().passwordHash();
    assertThat(passwords.matches(OTHER.toCharArray(), hash)).isTrue();
    assertThat(passwords.matches(GOOD.toCharArray(), hash)).isFalse();
  }

  @Test
  void someoneWhoDoesNotExistIsNotFoundBeforeAnyPasswordIsAskedFor() {
    cli.terminal.interactive = true;
    for (String[] args : new String[][] {{"user", "passwd", "ghost"}, {"user", "role", "ghost", "admin"},
        {"user", "remove", "ghost"}}) {
      Result result = cli.run(args);
      assertThat(result.exitCode()).describedAs(result.toString()).isEqualTo(ExitCodes.NOT_FOUND);
      assertThat(result.err()).isEqualTo("task: user \"ghost\" does not exist\n");
    }
    assertThat(cli.terminal.prompts).isEmpty();
  }

  @Test
  void aRoleChangesAndSaysWhatItWas() {
    addWithStdin("ann", "admin", GOOD + "\n");
    addWithStdin("bob", "viewer", OTHER + "\n");

    assertThat(cli.run("user", "role", "bob", "EDITOR").out()).isEqualTo("bob is now editor (was viewer)\n");
    assertThat(cli.run("user", "role", "bob", "editor").out()).isEqualTo("bob is editor already\n");
    assertThat(cli.users.find("bob").orElseThrow().role()).isEqualTo(Role.EDITOR);
  }

  @Test
  void leavingNoAdminSaysHowToGetOneBack() {
    addWithStdin("ann", "admin", GOOD + "\n");
    addWithStdin("bob", "editor", OTHER + "\n");

    Result demoted = cli.run("user", "role", "ann", "editor");
    assertThat(demoted.exitCode()).isZero();
    assertThat(demoted.err()).startsWith("note: no admin is left");

    Result removed = cli.run("user", "remove", "bob");
    assertThat(removed.out()).isEqualTo("removed bob\n");
    assertThat(removed.err()).startsWith("note: no admin is left");
    assertThat(cli.users.list()).extracting(User::name).containsExactly("ann");
  }

  @Test
  void userAloneSaysWhichCommandsThereAre() {
    Result result = cli.run("user");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("Missing user command: add, list, passwd, role or remove");
  }

  @Test
  void theStandardInputIsReadAsUtf8() {
    String accented = "fjäll-öga-ström";
    cli.terminal.stdin = (accented + "\n").getBytes(StandardCharsets.UTF_8);
    assertThat(cli.run("user", "add", "ann", "--password-stdin").exitCode()).isZero();
    assertThat(passwords.matches(accented.toCharArray(), cli.users.find("ann").orElseThrow().passwordHash())).isTrue();
  }
}
