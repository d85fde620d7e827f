package dev.taskmanager.cli;

import dev.taskmanager.cli.store.OpenedStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "revoke", description = "Revokes an API token: it stops working at once.",
    footer = "  task token revoke 3f9a1c2b7d4e")
final class TokenRevokeCommand extends AccountCommand<Void> {

  @Parameters(paramLabel = "ID", description = "The token's id, as task token list shows it.")
  String id;

  @Override
  int run(OpenedStore store, Void noInput) {
    tokens(store).revoke(id);
    out().println("revoked token " + id);
    return ExitCodes.OK;
  }
}
