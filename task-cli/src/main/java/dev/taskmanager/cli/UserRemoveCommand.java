package dev.taskmanager.cli;

import dev.taskmanager.cli.store.OpenedStore;
import dev.taskmanager.core.account.Accounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "remove", description = "Removes a user; the tasks they created or changed stay.",
    footer = "  task user remove ann")
final class UserRemoveCommand extends AccountCommand<Void> {

  @Parameters(paramLabel = "NAME", description = "Who to remove.")
  String name;

  @Override
  int run(OpenedStore store, Void noInput) {
    Accounts accounts = accounts(store);
    accounts.remove(name);
    out().println("removed " + name);
    warnIfNoAdminLeft(accounts);
    return ExitCodes.OK;
  }
}
