package dev.taskmanager.web;

import dev.taskmanager.core.account.Role;
import dev.taskmanager.web.access.FormPosts;
import dev.taskmanager.web.access.Gate;
import dev.taskmanager.web.api.HealthApi;
import dev.taskmanager.web.api.Problems;
import dev.taskmanager.web.api.TaskApi;
import dev.taskmanager.web.api.TasksApi;
import dev.taskmanager.web.calendar.CalendarFeed;
import dev.taskmanager.web.http.HttpException;
import dev.taskmanager.web.http.StaticFiles;
import dev.taskmanager.web.metrics.Metrics;
import dev.taskmanager.web.page.AccountPage;
import dev.taskmanager.web.page.DeletedTasksPage;
import dev.taskmanager.web.page.EditTaskPage;
import dev.taskmanager.web.page.PageErrors;
import dev.taskmanager.web.page.ResetPage;
import dev.taskmanager.web.page.SignInPage;
import dev.taskmanager.web.page.TasksPage;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.PathTemplateMatcher;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every route the server has, in one table: method, path template, kind, the role it needs,
 * handler. The server's router, the role checks, the 404/405 answers, the OpenAPI test and the
 * role matrix test are all derived from it.
 */
public final class RouteTable {

  /** How a route answers when it fails: an error page, or a problem document. */
  public enum Kind {
    /** HTML for people; a POST is a form and is CSRF-checked. */
    PAGE,
    /** JSON for programs, documented in the OpenAPI document. */
    API,
    /** A static file of the app. */
    FILE,
    /**
     * A feed for programs that can send no header (calendar apps): the secret in its URL is the
     * credential, checked by the route itself; refused, an error page.
     */
    FEED,
    /**
     * Figures for a collector (Prometheus's text format); refused, it answers as an address with
     * nothing there does, so nobody outside learns it exists.
     */
    METRICS
  }

  /**
   * One route; {@code template} uses {@code {name}} for a path segment; {@code role} is the role a
   * caller needs, empty for a route anyone may use.
   */
  public record Route(String method, String template, Kind kind, Optional<Role> role, HttpHandler handler) {}

  private static final Optional<Role> ANYONE = Optional.empty();
  private static final Optional<Role> VIEWER = Optional.of(Role.VIEWER);
  private static final Optional<Role> EDITOR = Optional.of(Role.EDITOR);
  private static final Optional<Role> ADMIN = Optional.of(Role.ADMIN);

  private static final String GET = "GET";
  private static final String HEAD = "HEAD";
  /** The route label of requests no route took (404, 405): one label, whatever the path. */
  private static final String UNMATCHED = "none";
  private static final String NOTHING_HERE = "There is nothing at this address.";

  private final List<Route> routes;
  private final PageErrors pageErrors;
  private final Problems problems;
  private final FormPosts formPosts;
  private final Gate gate;
  private final Metrics metrics;
  private final PathTemplateMatcher<Set<String>> methodsByTemplate;

  @Inject
  RouteTable(TasksPage tasksPage, EditTaskPage editTaskPage, DeletedTasksPage deletedPage, ResetPage resetPage,
      SignInPage signInPage, AccountPage accountPage, TasksApi tasksApi, TaskApi taskApi, HealthApi health,
      CalendarFeed calendarFeed, StaticFiles files, PageErrors pageErrors, Problems problems, FormPosts formPosts,
      Gate gate, Metrics metrics) {
    this.pageErrors = pageErrors;
    this.problems = problems;
    this.formPosts = formPosts;
    this.gate = gate;
    this.metrics = metrics;
    this.routes = List.of(
        new Route("GET", "/", Kind.PAGE, VIEWER, tasksPage::list),
        new Route("POST", "/tasks", Kind.PAGE, EDITOR, tasksPage::create),
        new Route("POST", "/delete-by-title", Kind.PAGE, ADMIN, tasksPage::deleteByTitle),
        new Route("GET", "/tasks/{id}", Kind.PAGE, VIEWER, editTaskPage::show),
        new Route("POST", "/tasks/{id}", Kind.PAGE, EDITOR, editTaskPage::update),
        new Route("POST", "/tasks/{id}/delete", Kind.PAGE, EDITOR, editTaskPage::delete),
        new Route("POST", "/tasks/{id}/done", Kind.PAGE, EDITOR, tasksPage::complete),
        new Route("POST", "/tasks/{id}/reopen", Kind.PAGE, EDITOR, tasksPage::reopen),
        new Route("POST", "/tasks/{id}/restore", Kind.PAGE, EDITOR, deletedPage::restore),
        new Route("GET", "/deleted", Kind.PAGE, VIEWER, deletedPage::list),
        new Route("GET", "/sign-in", Kind.PAGE, ANYONE, signInPage::show),
        new Route("POST", "/sign-in", Kind.PAGE, ANYONE, signInPage::signIn),
        new Route("POST", "/sign-out", Kind.PAGE, ANYONE, signInPage::signOut),
        new Route("GET", "/account", Kind.PAGE, VIEWER, accountPage::show),
        new Route("POST", "/account/tokens", Kind.PAGE, VIEWER, accountPage::createToken),
        new Route("POST", "/account/tokens/{id}/revoke", Kind.PAGE, VIEWER, accountPage::revokeToken),
        new Route("POST", "/account/password", Kind.PAGE, VIEWER, accountPage::changePassword),
        new Route("POST", "/account/calendar", Kind.PAGE, VIEWER, accountPage::renewCalendarFeed),
        new Route("POST", "/account/calendar/stop", Kind.PAGE, VIEWER, accountPage::stopCalendarFeed),
        new Route("GET", "/reset", Kind.PAGE, ADMIN, resetPage::confirm),
        new Route("POST", "/reset", Kind.PAGE, ADMIN, resetPage::reset),

        new Route("GET", "/api/tasks", Kind.API, VIEWER, tasksApi::list),
        new Route("POST", "/api/tasks", Kind.API, EDITOR, tasksApi::create),
        new Route("DELETE", "/api/tasks", Kind.API, ADMIN, tasksApi::deleteByTitle),
        new Route("POST", "/api/tasks/reset", Kind.API, ADMIN, tasksApi::reset),
        new Route("GET", "/api/tasks/{id}", Kind.API, VIEWER, taskApi::get),
        new Route("PATCH", "/api/tasks/{id}", Kind.API, EDITOR, taskApi::update),
        new Route("DELETE", "/api/tasks/{id}", Kind.API, EDITOR, taskApi::delete),
        new Route("POST", "/api/tasks/{id}/restore", Kind.API, EDITOR, taskApi::restore),
        new Route("GET", "/api/deleted-tasks", Kind.API, VIEWER, tasksApi::deleted),
        new Route("GET", "/api/openapi.json", Kind.API, ANYONE, files.file("api/openapi.json", "application/json")),
        new Route("GET", "/health/live", Kind.API, ANYONE, health::live),
        new Route("GET", "/health/ready", Kind.API, ANYONE, health::ready),
        new Route("GET", "/metrics", Kind.METRICS, ANYONE, this::metrics),
        new Route("GET", CalendarFeed.PATH, Kind.FEED, ANYONE, calendarFeed::serve),

        new Route("GET", "/static/app.css", Kind.FILE, ANYONE, files.file("static/app.css", "text/css; charset=UTF-8")),
        new Route("GET", "/favicon.svg", Kind.FILE, ANYONE, files.file("static/favicon.svg", "image/svg+xml")));
    this.methodsByTemplate = methodsByTemplate(routes);
  }

  public List<Route> routes() {
    return routes;
  }

  /**
   * The router: each route behind its error mapping, off the IO thread, behind the gate that checks
   * its role; page posts CSRF-checked (with the session the gate found).
   * Every GET route answers HEAD too, by the same handler: Undertow sends a HEAD's headers, the
   * length included, and drops the body.
   */
  HttpHandler handler() {
    RoutingHandler router = Handlers.routing();
    for (Route route : routes) {
      HttpHandler handler = route.handler();
      if (route.kind() == Kind.PAGE && route.method().equals("POST")) {
        handler = formPosts.protect(handler, route.role().isEmpty());
      }
      if (route.kind() == Kind.PAGE || route.kind() == Kind.API) {
        handler = gate.guard(route.kind() == Kind.API, route.role(), handler);
      }
      handler = metrics.timed(route.template(),
          new BlockingHandler(route.kind() == Kind.API ? problems.wrap(handler) : pageErrors.wrap(handler)));
      router.add(route.method(), route.template(), handler);
      if (route.method().equals(GET)) {
        router.add(HEAD, route.template(), handler);
      }
    }
    router.setFallbackHandler(metrics.timed(UNMATCHED,
        exchange -> fail(exchange, HttpException.notFound(NOTHING_HERE))));
    router.setInvalidMethodHandler(metrics.timed(UNMATCHED,
        exchange -> fail(exchange, HttpException.methodNotAllowed(allowed(exchange)))));
    return router;
  }

  /** The figures, for the clients allowed to read them; to anyone else, nothing is there. */
  private void metrics(HttpServerExchange exchange) {
    if (!metrics.mayRead(exchange)) {
      throw HttpException.notFound(NOTHING_HERE);
    }
    metrics.scrape(exchange);
  }

  private void fail(HttpServerExchange exchange, HttpException failure) {
    String path = exchange.getRequestPath();
    if (path.startsWith("/api/") || path.startsWith("/health/")) {
      problems.handle(exchange, failure);
    } else {
      pageErrors.handle(exchange, failure);
    }
  }

  /**
   * The methods of the routes whose template matches the request's path, matched as the router
   * matches (a trailing slash, an empty segment), so the 405's {@code Allow} is never empty.
   */
  private Set<String> allowed(HttpServerExchange exchange) {
    PathTemplateMatcher.PathMatchResult<Set<String>> match = methodsByTemplate.match(exchange.getRelativePath());
    return match == null ? Set.of() : match.getValue();
  }

  private static PathTemplateMatcher<Set<String>> methodsByTemplate(List<Route> routes) {
    Map<String, Set<String>> methods = new LinkedHashMap<>();
    for (Route route : routes) {
      Set<String> allowed = methods.computeIfAbsent(route.template(), template -> new TreeSet<>());
      allowed.add(route.method());
      if (route.method().equals(GET)) {
        allowed.add(HEAD);
      }
    }
    PathTemplateMatcher<Set<String>> matcher = new PathTemplateMatcher<>();
    methods.forEach(matcher::add);
    return matcher;
  }
}
