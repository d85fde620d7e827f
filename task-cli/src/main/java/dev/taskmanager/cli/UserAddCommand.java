package dev.taskmanager.cli;

import dev.taskmanager.cli.store.OpenedStore;
import dev.taskmanager.core.account.AccountRules;
import dev.taskmanager.core.account.Accounts;
import dev.taskmanager.core.account.InvalidAccountException;
import dev.taskmanager.core.account.Role;
import dev.taskmanager.core.account.User;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "add", description = {
    "Adds a user with a role and a password: asked for twice on the terminal, or read from standard input "
        + "with --password-stdin.",
    "",
    "Names: 1 to 64 of a-z, 0-9, '.', '_' and '-'. Passwords: 10 to 256 characters, hard to guess (a few "
        + "unrelated words do well); common passwords, words, names and keyboard patterns are refused."},
    footer = {
        "  task user add ann --role admin",
        "  printf '%%s\\n' \"$PW\" | task user add bot --role editor --password-stdin"
    })
final class UserAddCommand extends AccountCommand<Void> {

  @Parameters(paramLabel = "NAME", description = "The new user's name.")
  String name;

  @Option(names = "--role", paramLabel = "ROLE", defaultValue = "viewer",
      completionCandidates = RoleWords.class, description = "viewer (the default), editor or admin.")
  Role role;

  @Mixin
  PasswordInput password;

  @Override
  Void checkInput() {
    AccountRules.checkName(name).ifPresent(violation -> {
      throw new InvalidAccountException(violation);
    });
    return null;
  }

  @Override
  int run(OpenedStore store, Void checked) {
    Accounts accounts = accounts(store);
    if (accounts.find(name).isPresent()) {
      throw Accounts.nameTaken(name);
    }
    char[] secret = password.read(terminal, name);
    try {
      User added = accounts.add(name, role, secret);
      out().println("added " + added.name() + " (" + added.role().word() + ")");
      return ExitCodes.OK;
    } finally {
      Arrays.fill(secret, '\0');
    }
  }
}
