package dev.taskmanager.web.calendar;

import dev.taskmanager.core.account.Scope;
import dev.taskmanager.core.account.Tokens;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.query.PageRequest;
import dev.taskmanager.core.query.TaskPage;
import dev.taskmanager.core.query.TaskSearch;
import dev.taskmanager.core.usecase.ListTasks;
import dev.taskmanager.web.http.HttpException;
import dev.taskmanager.web.http.Requests;
import dev.taskmanager.web.http.Responses;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /calendar.ics?token=tmt_…}: the open tasks with a due date, earliest first, as an
 * iCalendar document, for the user whose calendar token the URL carries. Calendar apps send no
 * header of their own, so the URL is the credential; a URL that is not (or no longer) one answers as
 * an address with nothing there. The access log never shows the query, so never the token.
 */
public final class CalendarFeed {

  /** The path the account page builds the URL on, and the route's. */
  public static final String PATH = "/calendar.ics";
  /** Calendar apps fetch the whole feed every time: the nearest this many are what they get. */
  static final int MOST_EVENTS = 1_000;

  private final Tokens tokens;
  private final ListTasks listTasks;
  private final Clock clock;

  @Inject
  CalendarFeed(Tokens tokens, ListTasks listTasks, Clock clock) {
    this.tokens = tokens;
    this.listTasks = listTasks;
    this.clock = clock;
  }

  /** The feed's URL for a calendar token, at the scheme, host and port this request came to. */
  public static String url(HttpServerExchange exchange, String token) {
    return site(exchange) + PATH + "?token=" + token;
  }

  public void serve(HttpServerExchange exchange) {
    Tokens.Authenticated owner = tokens.authenticate(Requests.query(exchange, "token"))
        .filter(found -> found.token().scope() == Scope.CALENDAR)
        .orElseThrow(() -> HttpException.notFound("There is no calendar at this address: its URL was replaced or"
            + " stopped, or its user is gone. Make a new one on your account page (/account)."));
    String document = CalendarDocument.of(owner.user().name(), site(exchange), exchange.getHostName(),
        openTasksWithADueDate(), clock.instant());
    exchange.setStatusCode(200);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/calendar; charset=utf-8");
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "private, no-cache");
    Responses.send(exchange, document.getBytes(StandardCharsets.UTF_8));
  }

  /** By due date, earliest first: tasks without one sort last, so the first of those ends the walk. */
  private List<Task> openTasksWithADueDate() {
    List<Task> found = new ArrayList<>();
    PageRequest request = new PageRequest(TaskSearch.DEFAULT, null, PageRequest.MAX_LIMIT);
    while (true) {
      TaskPage page = listTasks.list(request);
      for (Task task : page.tasks()) {
        if (task.due() == null || found.size() == MOST_EVENTS) {
          return found;
        }
        found.add(task);
      }
      if (!page.hasNext()) {
        return found;
      }
      request = request.at(page.nextCursor());
    }
  }

  private static String site(HttpServerExchange exchange) {
    return exchange.getRequestScheme() + "://" + exchange.getHostAndPort();
  }
}
