package dev.taskmanager.web.access;

import io.undertow.server.HttpServerExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line for every action that deletes tasks (a task, every task with a title, all of them),
 * naming who did it: {@code ann deleted task 7}. In JSON, {@code user} and {@code action} are fields
 * of their own. The access log has every request and its user too; these lines say what it did.
 */
public final class AuditLog {

  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
  /** Who acted in open mode, when no user exists to name. */
  private static final String NOBODY_SIGNED_IN = "(no user: a client on this machine)";

  private AuditLog() {}

  /** Logs that the caller of this request did {@code action}, e.g. {@code deleted task 7}. */
  public static void record(HttpServerExchange exchange, String action) {
    Caller caller = Caller.of(exchange);
    String who = caller.name().isEmpty() ? NOBODY_SIGNED_IN : caller.name();
    LOG.atInfo().addKeyValue("user", who).addKeyValue("action", action).log("{} {}", who, action);
  }
}
