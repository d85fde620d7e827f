package dev.taskmanager.cli;

import dev.taskmanager.cli.store.OpenedStore;
import dev.taskmanager.core.model.TaskInput;
import dev.taskmanager.core.usecase.GetTask;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "show", description = "Shows one task in full.",
    footer = {
        "  task show 7",
        "  task show 7 --format json"
    })
final class ShowCommand extends StoreCommand<Long> {

  @Parameters(index = "0", paramLabel = "ID", description = "The task's id.")
  String idText;

  @Mixin
  OutputFormatOption output;

  @Override
  Long checkInput() {
    return TaskInput.parseId(idText);
  }

  @Override
  int run(OpenedStore store, Long id) throws IOException {
    TaskDetails.print(out(), new GetTask(store.tasks()).get(id), output.format(), today());
    return ExitCodes.OK;
  }
}
