package dev.taskmanager.web.page;

import dev.taskmanager.core.usecase.GetTaskStats;
import dev.taskmanager.core.usecase.ResetTasks;
import dev.taskmanager.web.access.AuditLog;
import dev.taskmanager.web.http.FormData;
import io.undertow.server.HttpServerExchange;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Reset: deleting every task is behind its own confirmation page ({@code GET /reset}) whose form
 * ({@code POST /reset}) carries {@code confirm=yes}; a post without it only shows the page again.
 */
public final class ResetPage {

  private final Pages pages;
  private final GetTaskStats getTaskStats;
  private final ResetTasks resetTasks;

  @Inject
  ResetPage(Pages pages, GetTaskStats getTaskStats, ResetTasks resetTasks) {
    this.pages = pages;
    this.getTaskStats = getTaskStats;
    this.resetTasks = resetTasks;
  }

  /** {@code GET /reset}: what a reset does, and the button to do it. */
  public void confirm(HttpServerExchange exchange) throws Exception {
    pages.render(exchange, 200, "reset.ftlh", Map.of("total", getTaskStats.count()));
  }

  /** {@code POST /reset}. */
  public void reset(HttpServerExchange exchange) throws Exception {
    if (!"yes".equals(FormData.of(exchange).first("confirm"))) {
      pages.render(exchange, 400, "reset.ftlh", Map.of("total", getTaskStats.count(), "unconfirmed", true));
      return;
    }
    resetTasks.reset();
    AuditLog.record(exchange, "reset the store: deleted every task");
    pages.redirect(exchange, "/", "All tasks deleted; the next task gets id 0. A reset cannot be undone: they cannot be restored");
  }
}
