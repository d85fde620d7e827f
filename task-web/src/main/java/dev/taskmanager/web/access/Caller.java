package dev.taskmanager.web.access;

import dev.taskmanager.core.account.Role;
import dev.taskmanager.core.account.Scope;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.util.Optional;

/**
 * Who made a request, as the {@link Gate} found out, attached to the exchange for the handlers and
 * the page.
 *
 * @param name the user's name; empty when nobody signed in
 * @param role what the caller may do; empty for an anonymous caller, who may do nothing that needs
 *     a role
 * @param via how the caller was recognised
 * @param session the session's id, which CSRF tokens are bound to; empty without a session
 * @param scope an API token's scope; empty for other callers
 */
public record Caller(String name, Optional<Role> role, Via via, String session, Optional<Scope> scope) {

  /** How a caller was recognised. */
  public enum Via {
    /** Nobody: no session, no token, and not in open mode. */
    ANONYMOUS,
    /** No user exists, and the client is on this machine: anyone may do everything, as before accounts. */
    OPEN,
    /** The signed session cookie of the page. */
    SESSION,
    /** An API token. */
    TOKEN
  }

  static final AttachmentKey<Caller> KEY = AttachmentKey.create(Caller.class);

  private static final Caller ANONYMOUS = new Caller("", Optional.empty(), Via.ANONYMOUS, "", Optional.empty());
  private static final Caller OPEN = new Caller("", Optional.of(Role.ADMIN), Via.OPEN, "", Optional.empty());

  static Caller anonymous() {
    return ANONYMOUS;
  }

  static Caller open() {
    return OPEN;
  }

  /** The caller of this request; anonymous when the gate has not seen it (an error page for a 404). */
  public static Caller of(HttpServerExchange exchange) {
    Caller caller = exchange.getAttachment(KEY);
    return caller == null ? ANONYMOUS : caller;
  }

  /** Whether the caller's role includes {@code needed}. */
  public boolean may(Role needed) {
    return role.map(has -> has.includes(needed)).orElse(false);
  }

  /**
   * Who acts, as a task records it ({@code created_by}, {@code updated_by}): the user's name, the
   * token's user's on the API; {@code null} for nobody known (open mode, before the first user).
   */
  public String actor() {
    return name.isEmpty() ? null : name;
  }

  /** Whether the caller signed in on the page (and so may sign out). */
  public boolean signedIn() {
    return via == Via.SESSION;
  }
}
