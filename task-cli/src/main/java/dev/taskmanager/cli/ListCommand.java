package dev.taskmanager.cli;

import com.google.inject.Inject;
import dev.taskmanager.cli.OutputFormatOption.OutputFormat;
import dev.taskmanager.cli.io.Csv;
import dev.taskmanager.cli.io.Json;
import dev.taskmanager.cli.io.Table;
import dev.taskmanager.cli.io.TaskWriter;
import dev.taskmanager.cli.store.OpenedStore;
import dev.taskmanager.core.query.PageRequest;
import dev.taskmanager.core.query.TaskPage;
import dev.taskmanager.core.usecase.ListTasks;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(name = "list", description = {
    "Lists tasks: those the query finds, the first 50 unless told otherwise.",
    "",
    "The query is the one of the web page's search box and the API's ?q=: is:open (the default), "
        + "is:done, is:any; tag:home, -tag:work; due:today, due<2026-12-31 (also <=, >, >=, =), due:none, "
        + "overdue; priority>=5; words and \"quoted phrases\" in the title or description; "
        + "sort:due|priority|id|created|done (sort:-due reverses). Terms combine with AND. Without a sort, "
        + "open tasks list by due day (the most important first on a day, tasks without one last) and "
        + "done ones most recently completed first.",
    "",
    "table fits the terminal (COLUMNS, else its width, else 80 columns) and cuts long text with …; "
        + "an overdue day ends with !, a done task's title starts with [x]. json is an array of task "
        + "objects, one per line; csv has the header " + Csv.HEADER + ". json and csv never cut, colour "
        + "or wrap: use them in scripts."},
    footer = {
        "  task list",
        "  task list due:today",
        "  task list tag:work overdue sort:-priority --limit 10",
        "  task list is:done report --format json",
        "  task list is:any --all --format csv > tasks.csv"
    })
final class ListCommand extends StoreCommand<PageRequest> {

  @Parameters(paramLabel = "QUERY", arity = "0..*",
      description = "Terms of the query, as separate arguments or in one (quote what the shell would read).")
  List<String> query = new ArrayList<>();

  @ArgGroup(exclusive = true)
  Amount amount = new Amount();

  static final class Amount {
    @Option(names = {"-n", "--limit"}, paramLabel = "N", description = "At most N tasks, 1 to 500 (default 50).")
    String limit;

    @Option(names = {"-a", "--all"}, description = "Every task the query finds, read page by page and printed as it comes.")
    boolean all;
  }

  @Mixin
  OutputFormatOption output;

  @Inject
  Terminal terminal;

  @Override
  PageRequest checkInput() {
    for (String term : query) {
      // Picocli passes what it does not know as terms, for -tag:work; a mistyped option is no term.
      if (term.startsWith("-") && !term.regionMatches(true, 0, "-tag:", 0, 5)) {
        throw new ParameterException(spec.commandLine(), "Unknown option: '" + term + "'");
      }
    }
    // The core reads the values, so a bad one gets the same message as on the web page.
    String limit = amount.all ? String.valueOf(PageRequest.MAX_LIMIT) : amount.limit;
    return PageRequest.parse(String.join(" ", query), null, limit, today());
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
      err().println("(more tasks follow: --all lists every task the query finds)");
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
        return new Table(out(), terminal.width(), terminal.colour(), largestId, amount.all, today());
    }
  }
}
