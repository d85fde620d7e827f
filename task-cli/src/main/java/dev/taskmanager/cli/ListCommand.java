package dev.taskmanager.cli;

import com.google.inject.Inject;
import dev.taskmanager.cli.OutputFormatOption.OutputFormat;
import dev.taskmanager.cli.io.Csv;
import dev.taskmanager.cli.io.Json;
import dev.taskmanager.cli.io.Table;
import dev.taskmanager.cli.io.TaskWriter;
import dev.taskmanager.cli.store.OpenedStore;
import dev.taskmanager.core.model.PageRequest;
import dev.taskmanager.core.model.TaskPage;
import dev.taskmanager.core.usecase.ListTasks;
import java.io.IOException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "list", description = {
    "Lists tasks, the first 50 unless told otherwise.",
    "",
    "table fits the terminal (COLUMNS, else its width, else 80 columns) and cuts long text with …. "
        + "json is an array of {id,title,shortdesc,priority}, one object per line; csv has the header "
        + "id,title,shortdesc,priority. json and csv never cut, colour or wrap: use them in scripts."},
    footer = {
        "  task list",
        "  task list --sort priority --reverse --limit 10",
        "  task list --title-contains report --format json",
        "  task list --all --format csv > tasks.csv"
    })
final class ListCommand extends StoreCommand<PageRequest> {

  @Option(names = {"-s", "--sort"}, paramLabel = "KEY", defaultValue = "id",
      completionCandidates = SortCandidates.class, description = "id (default) or priority; ties by id.")
  String sort;

  @Option(names = {"-r", "--reverse"}, description = "Largest first.")
  boolean reverse;

  @ArgGroup(exclusive = true)
  Amount amount = new Amount();

  static final class Amount {
    @Option(names = {"-n", "--limit"}, paramLabel = "N", description = "At most N tasks, 1 to 500 (default 50).")
    String limit;

    @Option(names = {"-a", "--all"}, description = "Every task, read page by page and printed as it comes.")
    boolean all;
  }

  @Option(names = {"-t", "--title-contains"}, paramLabel = "TEXT", description = "Only tasks whose title contains TEXT, ignoring case.")
  String titleContains;

  @Mixin
  OutputFormatOption output;

  @Inject
  Terminal terminal;
  @Override
  PageRequest checkInput() {
    // The core reads the values, so a bad one gets the same message as on the web page.
    String limit = amount.all ? String.valueOf(PageRequest.MAX_LIMIT) : amount.limit;
    return PageRequest.parse(sort, reverse ? "desc" : "asc", titleContains, null, limit);
  }

  @Override
  int run(OpenedStore store, PageRequest request) throws IOException {
    ListTasks listTasks = new ListTasks(store.tasks());
    TaskWriter writer = writer(store);
    TaskPage page = listTasks.list(request);
    writer.write(page.tasks());
    // --all walks the cursors: one page in memory at a time, each printed before the next is read.
    while (amount.all && page.hasNext()) {
      page = listTasks.list(request.at(page.nextCursor()));
      writer.write(page.tasks());
    }
    writer.finish();
    if (page.hasNext()) {
      err().println("(more tasks follow: --all lists every task)");
    }
    return ExitCodes.OK;
  }

  private TaskWriter writer(OpenedStore store) throws IOException {
    OutputFormat format = output.format();
    switch (format) {
      case JSON:
        return Json.array(out());
      case CSV:
        return Csv.writer(out());
      case TABLE:
      default:
        long largestId = Math.max(0, store.tasks().nextId() - 1);
        return new Table(out(), terminal.width(), terminal.colour(), largestId, amount.all);
    }
  }

  static final class SortCandidates extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    SortCandidates() {
      super(java.util.List.of("id", "priority"));
    }
  }
}
