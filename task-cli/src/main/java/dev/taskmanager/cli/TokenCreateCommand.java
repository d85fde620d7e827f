package dev.taskmanager.cli;

import dev.taskmanager.cli.store.OpenedStore;
import dev.taskmanager.core.account.Scope;
import dev.taskmanager.core.account.TokenLifetime;
import dev.taskmanager.core.account.Tokens;
import dev.taskmanager.core.account.Tokens.IssuedToken;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "create", description = {
    "Makes an API token for a user and prints it alone on the last line of standard output: it is shown "
        + "this once, and only a hash of it is kept.",
    "",
    "--expires: a number of days or weeks (30d, 2w; 1 to 3650 days), or never (the default)."},
    footer = {
        "  task token create build-bot --scope write --expires 90d",
        "  TOKEN=$(task token create reports --scope read | tail -n 1)",
        "  task token create ann --scope calendar"
    })
final class TokenCreateCommand extends AccountCommand<Optional<Duration>> {

  @Parameters(paramLabel = "NAME", description = "The user the token acts as.")
  String name;

  @Option(names = "--scope", paramLabel = "SCOPE", required = true, completionCandidates = ScopeWords.class,
      description = "read (reads tasks) or write (also changes them, as far as the user's role allows) on the API;"
          + " calendar: the user's calendar feed alone, at https://HOST/calendar.ics?token=TOKEN (it replaces the"
          + " feed the user had, whose URL then stops working).")
  Scope scope;

  @Option(names = "--expires", paramLabel = "WHEN", defaultValue = "never",
      description = "30d, 2w, ... (1 to 3650 days), or never (the default).")
  String expires;

  @Override
  Optional<Duration> checkInput() {
    return TokenLifetime.parse(expires);
  }

  @Override
  int run(OpenedStore store, Optional<Duration> lifetime) {
    Tokens tokens = tokens(store);
    IssuedToken issued = scope == Scope.CALENDAR
        ? tokens.renewCalendarFeed(name, lifetime)
        : tokens.create(name, scope, lifetime);
    out().println("created token " + issued.token().id() + " for " + name + " (" + scope.word() + ", "
        + issued.token().expiresAt().map(end -> "expires " + end).orElse("never expires")
        + "); it is shown this once:");
    out().println(issued.text());
    return ExitCodes.OK;
  }
}
