package dev.taskmanager.mongo.adapter;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.taskmanager.core.account.AccountRules;
import dev.taskmanager.core.account.Accounts;
import dev.taskmanager.core.account.Role;
import dev.taskmanager.core.account.User;
import dev.taskmanager.core.account.UserNotFoundException;
import dev.taskmanager.core.account.UserStore;
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
 * The core's {@link UserStore} in the collection {@value #COLLECTION}, one document per user, unique
 * by {@code name}:
 * <pre>{@code { name: "ann", role: "editor", password_hash: "$argon2id$...", created_at: ISODate,
 *   password_changed_at: ISODate, last_sign_in_at: ISODate (once signed in) }}</pre>
 * A collection of its own: the tutorial app never reads it, and {@code settings} keeps its one
 * document.
 */
public final class MongoUserStore implements UserStore {

  public static final String COLLECTION = "users";

  private static final String NAME = "name";
  private static final String ROLE = "role";
  private static final String PASSWORD_HASH = "password_hash";
  private static final String CREATED_AT = "created_at";
  private static final String PASSWORD_CHANGED_AT = "password_changed_at";
  private static final String LAST_SIGN_IN_AT = "last_sign_in_at";

  private final MongoCollection<BsonDocument> users;

  private MongoUserStore(MongoCollection<BsonDocument> users) {
    this.users = users;
  }

  /**
   * The users of this database, with the unique index on their names created if missing.
   *
   * @throws dev.taskmanager.core.model.TaskStoreException when the database cannot be reached or fails
   */
  public static MongoUserStore open(MongoDatabase database) {
    MongoCollection<BsonDocument> users = database.getCollection(COLLECTION, BsonDocument.class);
    MongoFailures.translate("preparing the users", () -> {
      users.createIndex(Indexes.ascending(NAME), new IndexOptions().unique(true));
    });
    return new MongoUserStore(users);
  }

  @Override
  public void add(User user) {
    BsonDocument document = new BsonDocument(NAME, new BsonString(user.name()))
        .append(ROLE, new BsonString(user.role().word()))
        .append(PASSWORD_HASH, new BsonString(user.passwordHash()))
        .append(CREATED_AT, StoredFields.date(user.createdAt()))
        .append(PASSWORD_CHANGED_AT, StoredFields.date(user.passwordChangedAt()));
    user.lastSignInAt().ifPresent(at -> document.append(LAST_SIGN_IN_AT, StoredFields.date(at)));
    MongoFailures.translate("adding a user", () -> {
      try {
        users.insertOne(document);
      } catch (MongoWriteException refused) {
        if (refused.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
          throw Accounts.nameTaken(user.name());
        }
        throw refused;
      }
    });
  }

  @Override
  public Optional<User> find(String name) {
    return MongoFailures.translate("reading a user",
        () -> Optional.ofNullable(users.find(byName(name)).first()).map(MongoUserStore::stored));
  }

  @Override
  public List<User> list() {
    return MongoFailures.translate("listing users", () -> {
      List<User> all = new ArrayList<>();
      for (BsonDocument document : users.find().sort(Sorts.ascending(NAME))) {
        all.add(stored(document));
      }
      return all;
    });
  }

  @Override
  public long count() {
    return MongoFailures.translate("counting users", () -> users.countDocuments());
  }

  @Override
  public User setPassword(String name, String passwordHash, Instant changedAt) {
    return change(name, "changing a password",
        Updates.combine(Updates.set(PASSWORD_HASH, passwordHash),
            Updates.set(PASSWORD_CHANGED_AT, StoredFields.date(changedAt))));
  }

  @Override
  public User setRole(String name, Role role) {
    return change(name, "changing a role", Updates.set(ROLE, role.word()));
  }

  @Override
  public void signedIn(String name, Instant at) {
    MongoFailures.translate("noting a sign-in", () -> {
      users.updateOne(byName(name), Updates.set(LAST_SIGN_IN_AT, StoredFields.date(at)));
    });
  }

  @Override
  public void remove(String name) {
    long removed = MongoFailures.translate("removing a user", () -> users.deleteOne(byName(name)).getDeletedCount());
    if (removed == 0) {
      throw new UserNotFoundException(name);
    }
  }

  private User change(String name, String doing, Bson update) {
    BsonDocument changed = MongoFailures.translate(doing, () -> users.findOneAndUpdate(byName(name), update,
        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
    if (changed == null) {
      throw new UserNotFoundException(name);
    }
    return stored(changed);
  }

  private static Bson byName(String name) {
    return Filters.eq(NAME, name);
  }

  /** A stored user; one another program wrote wrong is the store's failure, told with what is wrong. */
  private static User stored(BsonDocument document) {
    try {
      return userOf(document);
    } catch (IllegalArgumentException malformed) {
      throw new TaskStoreException("the collection " + COLLECTION + " holds a document that is no user: "
          + malformed.getMessage() + "; correct or remove it (task user add makes them)", malformed);
    }
  }

  /**
   * The user a document holds, as this store writes them.
   *
   * @throws IllegalArgumentException saying which field is missing or wrong
   */
  public static User userOf(BsonDocument document) {
    String name = StoredFields.string(document, NAME);
    AccountRules.checkName(name).ifPresent(violation -> {
      throw new IllegalArgumentException(NAME + " " + violation.problem());
    });
    String role = StoredFields.string(document, ROLE);
    Role known = Arrays.stream(Role.values()).filter(candidate -> candidate.word().equals(role)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(ROLE + " of " + name + " is \"" + role + "\", not "
            + Role.words()));
    return new User(name, known, StoredFields.string(document, PASSWORD_HASH),
        StoredFields.instant(document, CREATED_AT), StoredFields.instant(document, PASSWORD_CHANGED_AT),
        StoredFields.optionalInstant(document, LAST_SIGN_IN_AT));
  }
}
