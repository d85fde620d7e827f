package dev.taskmanager.web.page;

import dev.taskmanager.core.model.DeletedTask;
import dev.taskmanager.core.model.InvalidTaskException;
import dev.taskmanager.core.model.SortBy;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskDraft;
import dev.taskmanager.core.model.TaskInput;
import dev.taskmanager.core.model.TaskRules;
import dev.taskmanager.core.model.Violation;
import dev.taskmanager.core.query.PageRequest;
import dev.taskmanager.core.query.SearchParser;
import dev.taskmanager.core.query.TaskPage;
import dev.taskmanager.core.query.TaskSearch;
import dev.taskmanager.core.text.Excerpts;
import dev.taskmanager.core.usecase.CreateTask;
import dev.taskmanager.core.usecase.DeleteTasksByTitle;
import dev.taskmanager.core.usecase.GetTaskStats;
import dev.taskmanager.core.usecase.ListTasks;
import dev.taskmanager.core.usecase.UpdateTask;
import dev.taskmanager.web.access.AuditLog;
import dev.taskmanager.web.access.Caller;
import dev.taskmanager.web.http.FormData;
import dev.taskmanager.web.http.Requests;
import io.undertow.server.HttpServerExchange;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The task list page ({@code GET /}) and the forms on it: create ({@code POST /tasks}), complete
 * and reopen ({@code POST /tasks/{id}/done}, {@code /reopen}) and delete by title ({@code POST
 * /delete-by-title}). The list shows a search in the query language ({@code ?q=}), with views as
 * ready-made searches above it. A rejected form comes back with status 400, the values typed and a
 * message at each bad field; a search that cannot be read, with its message under the box.
 */
public final class TasksPage {

  static final String QUERY = "q";
  /** The views above the list: a name and its search. */
  static final List<Map<String, String>> VIEWS = List.of(
      Map.of("name", "Open", "q", ""),
      Map.of("name", "Today", "q", "due:today"),
      Map.of("name", "Overdue", "q", "overdue"),
      Map.of("name", "Done", "q", "is:done"),
      Map.of("name", "All", "q", "is:any"));
  /** Where deleted tasks are listed, to restore them. */
  static final String DELETED_PATH = "/deleted";
  private static final Pattern SORT_TERM = Pattern.compile("(?i)(^|\\s)sort:\\S*");

  private final Pages pages;
  private final ListTasks listTasks;
  private final CreateTask createTask;
  private final UpdateTask updateTask;
  private final DeleteTasksByTitle deleteTasksByTitle;
  private final GetTaskStats getTaskStats;
  private final Clock clock;

  @Inject
  TasksPage(Pages pages, ListTasks listTasks, CreateTask createTask, UpdateTask updateTask,
      DeleteTasksByTitle deleteTasksByTitle, GetTaskStats getTaskStats, Clock clock) {
    this.pages = pages;
    this.listTasks = listTasks;
    this.createTask = createTask;
    this.updateTask = updateTask;
    this.deleteTasksByTitle = deleteTasksByTitle;
    this.getTaskStats = getTaskStats;
    this.clock = clock;
  }

  /** {@code GET /}: a page of the tasks the search finds, with the forms. */
  public void list(HttpServerExchange exchange) throws Exception {
    String query = Requests.query(exchange, QUERY);
    PageRequest request;
    try {
      request = PageRequest.parse(query, Requests.query(exchange, "cursor"), Requests.query(exchange, "limit"),
          today());
    } catch (InvalidTaskException unreadable) {
      List<Violation> ofSearch = unreadable.violations().stream()
          .filter(violation -> violation.field().equals(SearchParser.FIELD)).toList();
      if (ofSearch.size() < unreadable.violations().size()) {
        // A limit or cursor no link of ours makes: the error page, as for any bad address.
        throw unreadable;
      }
      showUnreadableSearch(exchange, query, ofSearch);
      return;
    }
    show(exchange, 200, request, new Form(), new Form());
  }

  /** {@code POST /tasks}: creates a task, or shows the form again with what to fix. */
  public void create(HttpServerExchange exchange) throws Exception {
    TaskInput input = FormData.of(exchange).taskInput();
    TaskDraft draft;
    try {
      draft = input.toDraft(today());
    } catch (InvalidTaskException invalid) {
      show(exchange, 400, PageRequest.firstPage(), Form.typed(input).errors(invalid.violations()), new Form());
      return;
    }
    Task task = createTask.create(draft.by(Caller.of(exchange).actor()));
    pages.redirect(exchange, "/", "Task " + task.id() + " created");
  }

  /** {@code POST /tasks/{id}/done}: completes the task, back to the listing it was done from. */
  public void complete(HttpServerExchange exchange) throws Exception {
    Task task = updateTask.complete(EditTaskPage.id(exchange), Caller.of(exchange).actor());
    pages.redirect(exchange, back(exchange), "Task " + task.id() + " done");
  }

  /** {@code POST /tasks/{id}/reopen}: reopens the task, back to the listing. */
  public void reopen(HttpServerExchange exchange) throws Exception {
    Task task = updateTask.reopen(EditTaskPage.id(exchange), Caller.of(exchange).actor());
    pages.redirect(exchange, back(exchange), "Task " + task.id() + " reopened");
  }

  /** {@code POST /delete-by-title}: deletes every task with exactly this title and says how many. */
  public void deleteByTitle(HttpServerExchange exchange) throws Exception {
    FormData form = FormData.of(exchange);
    List<Violation> violations = new ArrayList<>();
    String title = form.single("title", violations);
    Form typed = new Form().value("title", title);
    try {
      if (violations.isEmpty()) {
        long deleted = deleteTasksByTitle.delete(title);
        String shown = title.strip();
        AuditLog.record(exchange, "deleted " + deleted + " tasks titled " + Excerpts.quote(shown));
        pages.redirect(exchange, "/", deleted == 0
            ? "No task is titled \"" + shown + "\"; nothing was deleted"
            : "Deleted " + deleted + (deleted == 1 ? " task" : " tasks") + " titled \"" + shown + "\"; "
                + (deleted == 1 ? "it" : "they") + " can be restored from Deleted tasks for "
                + DeletedTask.KEPT.toDays() + " days");
        return;
      }
    } catch (InvalidTaskException invalid) {
      violations.addAll(invalid.violations());
    }
    show(exchange, 400, PageRequest.firstPage(), new Form(), typed.errors(violations));
  }

  /**
   * Where a form on a listing returns to: the listing's own address, as the form sent it, when it
   * is a path of this site; else the default listing. Never another site: no open redirect.
   */
  static String back(HttpServerExchange exchange) {
    return Pages.localPath(FormData.of(exchange).first("back"));
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private void showUnreadableSearch(HttpServerExchange exchange, String query, List<Violation> problems)
      throws Exception {
    Map<String, Object> model = commonModel(new Form(), new Form());
    model.put("tasks", List.of());
    model.put("q", query == null ? "" : query);
    model.put("searchError", problems.get(0));
    pages.render(exchange, 400, "tasks.ftlh", model);
  }

  private void show(HttpServerExchange exchange, int status, PageRequest request, Form create, Form delete)
      throws Exception {
    TaskPage page = listTasks.list(request);
    LocalDate today = today();
    TaskSearch search = request.search();
    String here = url(request, search.text(), request.cursor());
    Map<String, Object> model = commonModel(create, delete);
    model.put("tasks", page.tasks().stream().map(task -> TaskRow.of(task, today)).collect(Collectors.toList()));
    model.put("q", search.text());
    model.put("here", here);
    model.put("sort", search.sortBy().key());
    model.put("order", search.descending() ? "desc" : "asc");
    model.put("idSortUrl", url(request, withSort(search.text(), SortBy.ID,
        search.sortBy() == SortBy.ID && !search.descending()), null));
    model.put("dueSortUrl", url(request, withSort(search.text(), SortBy.DUE,
        search.sortBy() == SortBy.DUE && !search.descending()), null));
    model.put("prioritySortUrl", url(request, withSort(search.text(), SortBy.PRIORITY,
        !(search.sortBy() == SortBy.PRIORITY && search.descending())), null));
    model.put("nextUrl", page.hasNext() ? url(request, search.text(), page.nextCursor()) : "");
    model.put("previousUrl", page.hasPrevious() ? url(request, search.text(), page.previousCursor()) : "");
    pages.render(exchange, status, "tasks.ftlh", model);
  }

  private Map<String, Object> commonModel(Form create, Form delete) {
    Map<String, Object> model = new HashMap<>();
    model.put("total", getTaskStats.count());
    model.put("views", VIEWS);
    model.put("q", "");
    model.put("here", "/");
    model.put("searchError", "");
    model.put("syntax", SearchParser.SYNTAX);
    model.put("create", create.values);
    model.put("createErrors", create.errors);
    model.put("delete", delete.values);
    model.put("deleteErrors", delete.errors);
    model.put("limits", limits());
    return model;
  }

  static Map<String, Object> limits() {
    return Map.of("title", TaskRules.TITLE_MAX_LENGTH, "shortdesc", TaskRules.SHORTDESC_MAX_LENGTH,
        "priorityMin", TaskRules.PRIORITY_MIN, "priorityMax", TaskRules.PRIORITY_MAX,
        "tags", TaskRules.MAX_TAGS, "tagLength", TaskRules.TAG_MAX_LENGTH);
  }

  /** The search with its sort replaced: a column heading's link. */
  static String withSort(String text, SortBy sortBy, boolean descending) {
    String rest = SORT_TERM.matcher(text).replaceAll("$1").strip();
    String sort = "sort:" + (descending ? "-" : "") + sortBy.key();
    return rest.isEmpty() ? sort : rest + " " + sort;
  }

  private static String url(PageRequest request, String query, String cursor) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (!query.isEmpty()) {
      parameters.put(QUERY, query);
    }
    if (cursor != null) {
      parameters.put("cursor", cursor);
    }
    if (request.limit() != PageRequest.DEFAULT_LIMIT) {
      parameters.put("limit", Integer.toString(request.limit()));
    }
    return parameters.isEmpty() ? "/" : "/?" + parameters.entrySet().stream()
        .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** A form's values as typed and its errors by field, for the template. */
  static final class Form {
    final Map<String, String> values = new HashMap<>();
    final Map<String, Violation> errors = new LinkedHashMap<>();

    /** The task fields as the person typed them, to show them again. */
    static Form typed(TaskInput input) {
      return new Form().value("title", input.title()).value("shortdesc", input.shortdesc())
          .value("priority", input.priority()).value("due", input.due())
          .value("tags", input.tags() == null ? null : String.join(" ", input.tags()));
    }

    Form value(String field, String value) {
      values.put(field, value == null ? "" : value);
      return this;
    }

    Form errors(List<Violation> violations) {
      // The first problem of each field is the one to fix first.
      violations.forEach(violation -> errors.putIfAbsent(violation.field(), violation));
      return this;
    }
  }
}
