package dev.taskmanager.cli;

import dev.taskmanager.cli.store.OpenedStore;
import dev.taskmanager.core.account.Accounts;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "passwd", description = "Sets a user's password: asked for twice on the terminal, or read from "
    + "standard input with --password-stdin.",
    footer = {
        "  task user passwd ann",
        "  printf '%%s\\n' \"$PW\" | task user passwd bot --password-stdin"
    })
final class UserPasswdCommand extends AccountCommand<Void> {

  @Parameters(paramLabel = "NAME", description = "Whose password to set.")
  String name;

  @Mixin
  PasswordInput password;

  @Override
  int run(OpenedStore store, Void noInput) {
    Accounts accounts = accounts(store);
    accounts.existing(name);
    char[] secret = password.read(terminal, name);
    try {
      accounts.changePassword(name, secret);
      out().println("set the password of " + name);
      return ExitCodes.OK;
    } finally {
      Arrays.fill(secret, '\0');
    }
  }
}
