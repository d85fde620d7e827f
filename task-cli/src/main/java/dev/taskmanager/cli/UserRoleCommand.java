package dev.taskmanager.cli;

import dev.taskmanager.cli.store.OpenedStore;
import dev.taskmanager.core.account.Accounts;
import dev.taskmanager.core.account.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "role", description = "Gives a user another role: viewer, editor or admin.",
    footer = "  task user role ann editor")
final class UserRoleCommand extends AccountCommand<Void> {

  @Parameters(index = "0", paramLabel = "NAME", description = "Whose role to change.")
  String name;

  @Parameters(index = "1", paramLabel = "ROLE", completionCandidates = RoleWords.class,
      description = "viewer, editor or admin.")
  Role role;

  @Override
  int run(OpenedStore store, Void noInput) {
    Accounts accounts = accounts(store);
    Role before = accounts.existing(name).role();
    accounts.changeRole(name, role);
    out().println(before == role ? name + " is " + role.word() + " already"
        : name + " is now " + role.word() + " (was " + before.word() + ")");
    warnIfNoAdminLeft(accounts);
    return ExitCodes.OK;
  }
}
