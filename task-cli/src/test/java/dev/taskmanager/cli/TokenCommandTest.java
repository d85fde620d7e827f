package dev.taskmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.cli.Cli.Result;
import dev.taskmanager.core.account.ApiToken;
import dev.taskmanager.core.account.Role;
import dev.taskmanager.core.account.Scope;
import dev.taskmanager.core.account.Tokens;
import dev.taskmanager.core.account.User;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenCommandTest {

  private final Cli cli = new Cli();

  @BeforeEach
  void users() {
    cli.users.add(User.added("ann", Role.EDITOR, "$argon2id$ann", Cli.CLOCK.instant()));
    cli.users.add(User.added("bob", Role.VIEWER, "$argon2id$bob", Cli.CLOCK.instant()));
  }

  @Test
  void aNewTokenIsPrintedAloneOnTheLastLineAndWorksForItsUser() {
    Result created = cli.run("token", "create", "ann", "--scope", "write", "--expires", "30d");

    assertThat(created.exitCode()).describedAs(created.toString()).isZero();
    List<String> lines = created.out().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).matches("created token [0-9a-f]{12} for ann \\(write, expires 2026-12-31T09:30:00.123Z\\);"
        + " it is shown this once:");
    String token = lines.get(1);
    assertThat(token).matches("tmt_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
    ApiToken stored = cli.tokens.list().get(0);
    assertThat(stored.scope()).isEqualTo(Scope.WRITE);
    assertThat(stored.expiresAt()).contains(Cli.CLOCK.instant().plus(Duration.ofDays(30)));
    assertThat(new Tokens(cli.tokens, cli.users, Cli.CLOCK).authenticate(token))
        .hasValueSatisfying(who -> assertThat(who.user().name()).isEqualTo("ann"));
  }

  @Test
  void tokensAreListedWithoutTheirSecrets() {
    cli.run("token", "create", "ann", "--scope", "write");
    cli.run("token", "create", "bob", "--scope", "read", "--expires", "2w");
    String annsHash = cli.tokens.listOf("ann").get(0).secretHash();

    Result table = cli.run("token", "list");
    Result bobs = cli.run("token", "list", "bob", "--format", "csv");
    Result json = cli.run("token", "list", "--format", "json");

    assertThat(table.out()).startsWith("ID            USER  SCOPE  MADE              EXPIRES           LAST USED\n")
        .contains("  ann   write  2026-12-01 09:30  never             never\n")
        .contains("  bob   read   2026-12-01 09:30  2026-12-15 09:30  never\n");
    assertThat(List.of(table.out(), json.out(), cli.run("token", "list", "--format", "csv").out()))
        .allSatisfy(listing -> assertThat(listing).doesNotContain(annsHash));
    assertThat(bobs.out()).startsWith("id,user,scope,created_at,expires_at,last_used_at\n")
        .contains(",bob,read,2026-12-01T09:30:00.123Z,2026-12-15T09:30:00.123Z,\n").doesNotContain("ann");
    assertThat(json.out()).contains("\"user\":\"ann\",\"scope\":\"write\"")
        .contains("\"expiresAt\":null,\"lastUsedAt\":null");
  }

  @Test
  void aRevokedTokenStopsWorking() {
    String token = cli.run("token", "create", "ann", "--scope", "read").out().lines().toList().get(1);
    String id = token.substring(4, 16);

    Result revoked = cli.run("token", "revoke", id);
    Result again = cli.run("token", "revoke", id);

    assertThat(revoked.out()).isEqualTo("revoked token " + id + "\n");
    assertThat(again.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(again.err()).isEqualTo("task: token \"" + id + "\" does not exist\n");
    assertThat(new Tokens(cli.tokens, cli.users, Cli.CLOCK).authenticate(token)).isEmpty();
  }

  @Test
  void removingAUserRevokesTheirTokens() {
    cli.run("token", "create", "bob", "--scope", "read");
    cli.run("token", "create", "ann", "--scope", "read");

    cli.run("user", "remove", "bob");

    assertThat(cli.tokens.list()).extracting(ApiToken::user).containsExactly("ann");
  }

  @Test
  void wrongInputSaysWhatIsAccepted() {
    Result noScope = cli.run("token", "create", "ann");
    Result badScope = cli.run("token", "create", "ann", "--scope", "admin");
    Result badExpiry = cli.run("token", "create", "ann", "--scope", "read", "--expires", "1y");
    Result nobody = cli.run("token", "create", "ghost", "--scope", "read");
    Result nobodysList = cli.run("token", "list", "ghost");

    assertThat(noScope.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(noScope.err()).startsWith("task: Missing required option: '--scope=SCOPE'");
    assertThat(badScope.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(badScope.err()).startsWith("task: --scope: \"admin\" is not accepted; accepted: read, write or calendar\n");
    assertThat(badExpiry.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(badExpiry.err()).isEqualTo("task: expires: is \"1y\"; accepted: a number of days or weeks such as 30d"
        + " or 2w (1 to 3650 days), or never\n");
    assertThat(nobody.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(nobody.err()).isEqualTo("task: user \"ghost\" does not exist\n");
    assertThat(nobodysList.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(cli.tokens.list()).isEmpty();
  }

  @Test
  void aCalendarTokenReplacesTheUsersFeedWhoseOldTokenStopsWorking() {
    // The feed Ann made on her account page the day before.
    String first = new Tokens(cli.tokens, cli.users, Clock.offset(Cli.CLOCK, Duration.ofDays(-1)))
        .renewCalendarFeed("ann", Optional.empty()).text();

    Result second = cli.run("token", "create", "ann", "--scope", "calendar");

    assertThat(second.exitCode()).describedAs(second.toString()).isZero();
    assertThat(second.out()).contains("(calendar, never expires)");
    Tokens tokens = new Tokens(cli.tokens, cli.users, Cli.CLOCK);
    assertThat(tokens.authenticate(first)).isEmpty();
    assertThat(tokens.authenticate(second.out().lines().toList().get(1)))
        .hasValueSatisfying(who -> assertThat(who.token().scope()).isEqualTo(Scope.CALENDAR));
    assertThat(cli.tokens.list()).singleElement().satisfies(token -> assertThat(token.scope()).isEqualTo(Scope.CALENDAR));
  }
}
