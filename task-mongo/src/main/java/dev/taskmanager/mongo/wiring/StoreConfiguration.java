package dev.taskmanager.mongo.wiring;

import com.mongodb.ConnectionString;
import dev.taskmanager.core.text.Excerpts;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The rules of the store's four settings, for every program: {@code TASK_STORE} ({@code --store}),
 * {@code TASK_MONGO_URI} ({@code --mongo-uri}), {@code TASK_DB} ({@code --db}) and
 * {@code TASK_DATA_DIR} ({@code --data-dir}). Each rule is a {@link SettingConverter}, so the web
 * app and the CLI, which take these options from {@link StoreOptions}, accept exactly the same
 * values and refuse the others with the same line; {@link StoreSettings} checks its values with
 * them too.
 *
 * <p>An empty environment variable counts as unset ({@link EnvironmentDefaults}); a value that is
 * set, by variable or by flag, must be valid: an empty {@code --db=} is refused, not taken as the
 * default.
 */
public final class StoreConfiguration {

  public static final String DEFAULT_DATABASE = "TaskManager";
  public static final String DEFAULT_DATA_DIR = "data";

  /**
   * MongoDB's rules for a database name, the ones that hold on every platform it runs on, so a name
   * that works here works on any server: fewer than 64 bytes, none of the characters Windows
   * forbids in a file name nor {@code .}, {@code $}, a space or NUL.
   */
  static final int DATABASE_MAX_BYTES = 63;
  private static final String DATABASE_FORBIDDEN = "/\\. \"$*<>:|?";

  private StoreConfiguration() {}

  /** {@code TASK_STORE}: {@code mongo} or {@code memory}, in any case, spaces around ignored. */
  public static final class KindConverter extends SettingConverter<StoreKind> {
    public KindConverter() {
      super("TASK_STORE", "--store", "mongo or memory");
    }

    @Override
    public StoreKind convert(String text) {
      for (StoreKind kind : StoreKind.values()) {
        if (kind.name().equalsIgnoreCase(text.strip())) {
          return kind;
        }
      }
      throw invalid(text);
    }
  }

  /**
   * {@code TASK_MONGO_URI}: a connection string the MongoDB driver takes, options included; never
   * shown in a message, as it may hold a password.
   */
  public static final class MongoUriConverter extends SettingConverter<String> {
    public MongoUriConverter() {
      super("TASK_MONGO_URI", "--mongo-uri", "mongodb://host[:port][,host...]/[?options] or mongodb+srv://host/[?options],"
          + " with the user name and password percent-encoded; unset: the embedded store");
    }

    @Override
    public String convert(String text) {
      if (text.isEmpty()) {
        throw refused("is empty");
      }
      if (text.codePoints().anyMatch(character -> Character.isWhitespace(character) || Character.isSpaceChar(character)
          || !Excerpts.showsAsItself(character))) {
        throw refused("holds a space or an invisible character");
      }
      if (!text.startsWith("mongodb://") && !text.startsWith("mongodb+srv://")) {
        throw refused("does not start with mongodb:// or mongodb+srv://");
      }
      int authorityStart = text.indexOf("://") + 3;
      String userInformation = userInformation(text);
      if (userInformation != null && !wellEncoded(userInformation)) {
        throw refused("has a user name or password that is not percent-encoded (: / ? # [ ] @ and % must be)");
      }
      // The driver's words name the host or option at fault. It is shown a stand-in for the user
      // information, so the password cannot end up in its words; and its words are left out when an
      // @ further on suggests a password that holds a / and was cut apart.
      String withoutCredentials = userInformation == null ? text : text.substring(0, authorityStart)
          + standIn(userInformation) + text.substring(authorityStart + userInformation.length());
      boolean passwordMayShow = text.indexOf('@', authorityEnd(text)) >= 0;
      RuntimeException refusal = refusalOf(withoutCredentials);
      if (refusal != null) {
        throw refused("is not a usable MongoDB connection string"
            + (passwordMayShow ? "" : " (the driver says: " + printableReason(refusal) + ")"));
      }
      if (refusalOf(text) != null) {
        throw refused("has a user name or password the MongoDB driver cannot read");
      }
      return text;
    }
  }

  /** {@code TASK_DB}: a database name by MongoDB's rules (see {@link #DATABASE_MAX_BYTES}). */
  public static final class DatabaseConverter extends SettingConverter<String> {
    public DatabaseConverter() {
      super("TASK_DB", "--db", "a MongoDB database name: 1 to " + DATABASE_MAX_BYTES
          + " bytes in UTF-8, none of / \\ . \" $ * < > : | ?, no spaces or control characters");
    }

    @Override
    public String convert(String text) {
      boolean forbidden = text.codePoints().anyMatch(character -> DATABASE_FORBIDDEN.indexOf(character) >= 0
          || Character.isWhitespace(character) || Character.isSpaceChar(character) || Character.isISOControl(character));
      int bytes = utf8Length(text);
      if (text.isEmpty() || forbidden || bytes < 0 || bytes > DATABASE_MAX_BYTES) {
        throw invalid(text);
      }
      return text;
    }
  }

  /** {@code TASK_DATA_DIR}: a path the system can name, not blank, without control characters. */
  public static final class DataDirConverter extends SettingConverter<Path> {
    public DataDirConverter() {
      super("TASK_DATA_DIR", "--data-dir", "a directory path, without control characters");
    }

    @Override
    public Path convert(String text) {
      if (text.isBlank() || text.codePoints().anyMatch(Character::isISOControl)) {
        throw invalid(text);
      }
      try {
        return Path.of(text);
      } catch (InvalidPathException notAPath) {
        throw invalid(text);
      }
    }
  }

  /** The driver's refusal of this connection string, or {@code null} when it takes it. */
  private static RuntimeException refusalOf(String uri) {
    try {
      MongoClientFactory.clientSettings(new ConnectionString(uri), StoreSettings.DEFAULT_CONNECT_TIMEOUT,
          StoreSettings.DEFAULT_SOCKET_TIMEOUT);
      return null;
    } catch (RuntimeException refused) {
      // IllegalArgumentException from the parser, IllegalStateException from the settings' builders,
      // and whatever a later driver throws: each means the same to the person who set the URI.
      return refused;
    }
  }

  /** Where the driver looks for hosts: up to the first {@code /} after the scheme. */
  private static int authorityEnd(String uri) {
    int start = uri.indexOf("://") + 3;
    int slash = uri.indexOf('/', start);
    return slash < 0 ? uri.length() : slash;
  }

  /** What the driver takes for user name and password: up to the authority's last {@code @}. */
  private static String userInformation(String uri) {
    int start = uri.indexOf("://") + 3;
    String authority = uri.substring(start, authorityEnd(uri));
    int at = authority.lastIndexOf('@');
    return at > 0 ? authority.substring(0, at) : null;
  }

  /** As RFC 3986 and the driver want it: one {@code :} at most, no {@code @}, {@code %} before two hex digits. */
  private static boolean wellEncoded(String userInformation) {
    if (userInformation.indexOf('@') >= 0 || userInformation.indexOf(':') != userInformation.lastIndexOf(':')) {
      return false;
    }
    for (int i = 0; i < userInformation.length(); i++) {
      if (userInformation.charAt(i) == '%' && (i + 2 >= userInformation.length()
          || Character.digit(userInformation.charAt(i + 1), 16) < 0 || Character.digit(userInformation.charAt(i + 2), 16) < 0)) {
        return false;
      }
    }
    return true;
  }

  /** A user and password of the same shape (present or empty), for the driver to check the rest. */
  private static String standIn(String userInformation) {
    int colon = userInformation.indexOf(':');
    String user = colon < 0 ? userInformation : userInformation.substring(0, colon);
    String stand = user.isEmpty() ? "" : "user";
    return colon < 0 ? stand : stand + ":" + (colon == userInformation.length() - 1 ? "" : "password");
  }

  private static String printableReason(RuntimeException refusal) {
    String reason = refusal.getMessage() == null ? refusal.getClass().getSimpleName() : refusal.getMessage().strip();
    String text = Excerpts.oneLine(reason, 200);
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }

  /** The text's length in UTF-8, or -1 when it is not valid Unicode (half of a surrogate pair). */
  private static int utf8Length(String text) {
    try {
      ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .encode(CharBuffer.wrap(text));
      return encoded.remaining();
    } catch (CharacterCodingException notUnicode) {
      return -1;
    }
  }
}
