package dev.taskmanager.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "token", description = {
    "Manages API tokens: scripts send one as 'Authorization: Bearer TOKEN' and act as its user, within "
        + "the user's role and the token's scope (read, or write too).",
    "",
    "A token is shown once, when it is made; only a hash of it is kept. Removing a user revokes their tokens."},
    subcommands = {TokenCreateCommand.class, TokenListCommand.class, TokenRevokeCommand.class},
    footer = {
        "  task token create build-bot --scope write --expires 90d",
        "  task token list",
        "  task token revoke 3f9a1c2b7d4e"
    })
final class TokenCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing token command: create, list or revoke");
  }
}
