package dev.taskmanager.mongo.adapter;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.taskmanager.core.account.ApiToken;
import dev.taskmanager.core.account.Scope;
import dev.taskmanager.core.account.TokenNotFoundException;
import dev.taskmanager.core.account.TokenStore;
import dev.taskmanager.core.model.TaskStoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.conversions.Bson;

/**
 * The core's {@link TokenStore} in the collection {@value #COLLECTION}, one document per token,
 * unique by {@code id}:
 * <pre>{@code { id: "3f9a1c2b7d4e", user: "ann", scope: "write", secret_hash: "<sha-256 hex>",
 *   created_at: ISODate, expires_at: ISODate (if it expires), last_used_at: ISODate (once used) }}</pre>
 */
public final class MongoTokenStore implements TokenStore {

  public static final String COLLECTION = "api_tokens";

  private static final String ID = "id";
  private static final String USER = "user";
  private static final String SCOPE = "scope";
  private static final String SECRET_HASH = "secret_hash";
  private static final String CREATED_AT = "created_at";
  private static final String EXPIRES_AT = "expires_at";
  private static final String LAST_USED_AT = "last_used_at";
  private static final Bson BY_USER_THEN_AGE = Sorts.ascending(USER, CREATED_AT, ID);

  private final MongoCollection<BsonDocument> tokens;

  private MongoTokenStore(MongoCollection<BsonDocument> tokens) {
    this.tokens = tokens;
  }

  /**
   * The tokens of this database, with their indexes created if missing: unique ids, and by user.
   *
   * @throws TaskStoreException when the database cannot be reached or fails
   */
  public static MongoTokenStore open(MongoDatabase database) {
    MongoCollection<BsonDocument> tokens = database.getCollection(COLLECTION, BsonDocument.class);
    MongoFailures.translate("preparing the API tokens", () -> {
      tokens.createIndex(Indexes.ascending(ID), new IndexOptions().unique(true));
      tokens.createIndex(Indexes.ascending(USER, CREATED_AT, ID));
    });
    return new MongoTokenStore(tokens);
  }

  @Override
  public void add(ApiToken token) {
    BsonDocument document = new BsonDocument(ID, new BsonString(token.id()))
        .append(USER, new BsonString(token.user()))
        .append(SCOPE, new BsonString(token.scope().word()))
        .append(SECRET_HASH, new BsonString(token.secretHash()))
        .append(CREATED_AT, StoredFields.date(token.createdAt()));
    token.expiresAt().ifPresent(at -> document.append(EXPIRES_AT, StoredFields.date(at)));
    token.lastUsedAt().ifPresent(at -> document.append(LAST_USED_AT, StoredFields.date(at)));
    MongoFailures.translate("adding an API token", () -> {
      tokens.insertOne(document);
    });
  }

  @Override
  public Optional<ApiToken> find(String id) {
    return MongoFailures.translate("reading an API token",
        () -> Optional.ofNullable(tokens.find(Filters.eq(ID, id)).first()).map(MongoTokenStore::stored));
  }

  @Override
  public List<ApiToken> list() {
    return listed(Filters.empty());
  }

  @Override
  public List<ApiToken> listOf(String user) {
    return listed(Filters.eq(USER, user));
  }

  @Override
  public void revoke(String id) {
    long revoked = MongoFailures.translate("revoking an API token", () -> tokens.deleteOne(Filters.eq(ID, id))
        .getDeletedCount());
    if (revoked == 0) {
      throw new TokenNotFoundException(id);
    }
  }

  @Override
  public long revokeAllOf(String user) {
    return MongoFailures.translate("revoking API tokens", () -> tokens.deleteMany(Filters.eq(USER, user))
        .getDeletedCount());
  }

  @Override
  public void used(String id, Instant at) {
    MongoFailures.translate("noting an API token's use", () -> {
      tokens.updateOne(Filters.eq(ID, id), Updates.set(LAST_USED_AT, StoredFields.date(at)));
    });
  }

  private List<ApiToken> listed(Bson filter) {
    return MongoFailures.translate("listing API tokens", () -> {
      List<ApiToken> all = new ArrayList<>();
      for (BsonDocument document : tokens.find(filter).sort(BY_USER_THEN_AGE)) {
        all.add(stored(document));
      }
      return all;
    });
  }

  /** A stored token; one another program wrote wrong is the store's failure, told with what is wrong. */
  private static ApiToken stored(BsonDocument document) {
    try {
      return tokenOf(document);
    } catch (IllegalArgumentException malformed) {
      throw new TaskStoreException("the collection " + COLLECTION + " holds a document that is no API token: "
          + malformed.getMessage() + "; remove it (task token create makes them)", malformed);
    }
  }

  /**
   * The token a document holds, as this store writes them.
   *
   * @throws IllegalArgumentException saying which field is missing or wrong
   */
  public static ApiToken tokenOf(BsonDocument document) {
    String id = StoredFields.string(document, ID);
    String scope = StoredFields.string(document, SCOPE);
    Scope known = Arrays.stream(Scope.values()).filter(candidate -> candidate.word().equals(scope)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(SCOPE + " of " + id + " is \"" + scope
            + "\", not read, write or calendar"));
    return new ApiToken(id, StoredFields.string(document, USER), known, StoredFields.string(document, SECRET_HASH),
        StoredFields.instant(document, CREATED_AT), StoredFields.optionalInstant(document, EXPIRES_AT),
        StoredFields.optionalInstant(document, LAST_USED_AT));
  }
}
