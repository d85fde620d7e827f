package dev.taskmanager.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "completion", description = {
    "Prints a bash completion script for task.",
    "",
    "The script is generated from the commands and options. It works in bash and, after "
        + "'autoload -U +X bashcompinit && bashcompinit', in zsh."},
    footer = {
        "  source <(task completion)                         # this shell only",
        "  task completion > ~/.local/share/bash-completion/completions/task"
    })
final class CompletionCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(AutoComplete.bash("task", spec.root().commandLine()));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
