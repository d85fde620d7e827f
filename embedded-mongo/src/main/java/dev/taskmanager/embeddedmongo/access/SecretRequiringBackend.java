package dev.taskmanager.embeddedmongo.access;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A backend that serves a connection only once it has presented the {@link ClientSecret}. Until
 * then it answers what a driver asks before it authenticates ({@code hello}, {@code isMaster},
 * {@code buildInfo}, {@code ping}) and refuses everything else with MongoDB's own error, 13
 * {@code Unauthorized}: commands, legacy queries and the legacy {@code serverStatus} alike.
 *
 * <p>Without it, anyone on the machine could reach the data through the loopback port, whatever
 * the file permissions and whatever accounts the application on top keeps.
 */
public final class SecretRequiringBackend implements MongoBackend {

  /** What MongoDB answers before authentication too, and what a driver's handshake and monitor ask. */
  private static final Set<String> BEFORE_AUTHENTICATION = Set.of("hello", "ismaster", "buildinfo", "ping");
  private static final AttributeKey<Boolean> AUTHENTICATED =
      AttributeKey.valueOf(SecretRequiringBackend.class.getName() + ".authenticated");
  private static final int UNAUTHORIZED = 13;
  private static final int AUTHENTICATION_FAILED = 18;
  private static final int MECHANISM_UNAVAILABLE = 334;

  private final MongoBackend backend;
  private final ClientSecret secret;

  public SecretRequiringBackend(MongoBackend backend, ClientSecret secret) {
    this.backend = backend;
    this.secret = secret;
  }

  @Override
  public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
    Document refusal = refusalOf(channel, command, query);
    return refusal != null ? refusal : backend.handleCommand(channel, databaseName, command, query);
  }

  @Override
  public Document handleMessage(MongoMessage message) {
    Document query = message.getDocument();
    String command = query.isEmpty() ? "" : query.keySet().iterator().next();
    Document refusal = refusalOf(message.getChannel(), command, query);
    return refusal != null ? refusal : backend.handleMessage(message);
  }

  @Override
  public QueryResult handleQuery(MongoQuery query) {
    if (!isAuthenticated(query.getChannel())) {
      return new QueryResult(List.of(unauthorized("query")));
    }
    return backend.handleQuery(query);
  }

  @Override
  public Collection<Document> getCurrentOperations(MongoQuery query) {
    return isAuthenticated(query.getChannel()) ? backend.getCurrentOperations(query) : List.of();
  }

  /**
   * Reached only from a legacy {@code OP_QUERY} on {@code $cmd}, which names no connection to check;
   * {@code serverStatus} sent as a current driver sends it (OP_MSG) is served after authentication.
   */
  @Override
  public Document getServerStatus() {
    return unauthorized("serverStatus over OP_QUERY");
  }

  private Document refusalOf(Channel channel, String command, Document query) {
    String name = command.toLowerCase(Locale.ROOT);
    if (name.equals("saslstart")) {
      return authenticate(channel, query);
    }
    if (name.equals("saslcontinue")) {
      // PLAIN is done in one step: there is never a conversation to continue.
      return error(AUTHENTICATION_FAILED, "AuthenticationFailed", "Authentication failed.");
    }
    if (BEFORE_AUTHENTICATION.contains(name) || isAuthenticated(channel)) {
      return null;
    }
    return unauthorized(command);
  }

  /** Answers a successful exchange itself: the backend behind never sees the secret. */
  private Document authenticate(Channel channel, Document query) {
    if (!"PLAIN".equals(query.get("mechanism"))) {
      return error(MECHANISM_UNAVAILABLE, "MechanismUnavailable",
          "Received authentication for mechanism " + query.get("mechanism") + " which is not enabled; accepted: PLAIN");
    }
    Object payload = query.get("payload");
    if (!(payload instanceof BinData) || !secret.acceptsPlain(((BinData) payload).getData())) {
      return error(AUTHENTICATION_FAILED, "AuthenticationFailed", "Authentication failed.");
    }
    channel.attr(AUTHENTICATED).set(Boolean.TRUE);
    Document done = new Document("conversationId", 1);
    done.put("done", Boolean.TRUE);
    done.put("payload", new BinData(new byte[0]));
    done.put("ok", 1.0);
    return done;
  }

  private static boolean isAuthenticated(Channel channel) {
    return Boolean.TRUE.equals(channel.attr(AUTHENTICATED).get());
  }

  private static Document unauthorized(String command) {
    return error(UNAUTHORIZED, "Unauthorized", "command " + command + " requires authentication");
  }

  private static Document error(int code, String codeName, String message) {
    Document error = new Document("ok", 0.0);
    error.put("errmsg", message);
    error.put("$err", message);
    error.put("code", code);
    error.put("codeName", codeName);
    return error;
  }

  @Override
  public void handleClose(Channel channel) {
    backend.handleClose(channel);
  }

  @Override
  public void dropDatabase(String databaseName) {
    backend.dropDatabase(databaseName);
  }

  @Override
  public void close() {
    backend.close();
  }

  @Override
  public void closeCursors(List<Long> cursorIds) {
    backend.closeCursors(cursorIds);
  }

  @Override
  public Clock getClock() {
    return backend.getClock();
  }

  @Override
  public void enableOplog() {
    backend.enableOplog();
  }

  @Override
  public void disableOplog() {
    backend.disableOplog();
  }

  @Override
  public MongoDatabase resolveDatabase(String databaseName) {
    return backend.resolveDatabase(databaseName);
  }

  @Override
  public MongoBackend version(MongoVersion version) {
    backend.version(version);
    return this;
  }
}
