package dev.taskmanager.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "user", description = {
    "Manages who may use the page and the API: adds users, lists them, sets their passwords and roles, "
        + "removes them.",
    "",
    "Roles: viewer (reads tasks), editor (also creates, edits, completes and deletes them), admin (also "
        + "resets, imports, deletes by title, and manages users and tokens)."},
    subcommands = {UserAddCommand.class, UserListCommand.class, UserPasswdCommand.class, UserRoleCommand.class,
        UserRemoveCommand.class},
    footer = {
        "  task user add ann --role admin",
        "  printf '%%s\\n' \"$PW\" | task user add bot --role editor --password-stdin",
        "  task user role ann editor"
    })
final class UserCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing user command: add, list, passwd, role or remove");
  }
}
