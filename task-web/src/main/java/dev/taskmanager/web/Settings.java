package dev.taskmanager.web;

import dev.taskmanager.web.http.TrustedProxies;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Everything the web app is configured with, read from environment variables and command-line
 * flags (a flag wins over its variable). Every value is checked here, once, so that a wrong one
 * stops start-up with a line naming the variable and what it accepts.
 *
 * <p>{@code mongoUri}, {@code database} and {@code dataDir} are for the store module; the others
 * are the web app's own.
 *
 * @param store which store to run; see {@link StoreKind}
 * @param mongoUri a MongoDB connection string, or {@code null} for the embedded store
 * @param database the MongoDB database name
 * @param dataDir where the embedded store and the generated secret are kept
 * @param httpHost the interface to listen on
 * @param httpPort the port to listen on; 0 picks a free one
 * @param workerThreads the requests handled at once, each on its own thread
 * @param secret the key that signs CSRF tokens and flash messages, or {@code null} to use the one
 *     kept in {@code dataDir}
 * @param dev whether templates and static files are read from the source tree on each request
 * @param trustedProxies the reverse proxies whose {@code X-Forwarded-*} headers are believed
 * @param help whether only the usage was asked for
 */
public record Settings(
    StoreKind store,
    String mongoUri,
    String database,
    Path dataDir,
    String httpHost,
    int httpPort,
    int workerThreads,
    String secret,
    boolean dev,
    TrustedProxies trustedProxies,
    boolean help) {

  /** The stores the app can run on. */
  public enum StoreKind {
    /** MongoDB: the server at {@code TASK_MONGO_URI}, or the embedded server in the data directory. */
    MONGO,
    /** Tasks in memory, lost on exit: for trying the app out. */
    MEMORY
  }

  public static final int SECRET_MIN_LENGTH = 32;
  /**
   * A request's work is mostly CPU (a page, the embedded store), with short waits for the store:
   * more threads than this per core only queue for a core, and on 2 cores 16 threads (Undertow's
   * default) made the page's p99 half as long again as 4 did. Raise it for a store far away.
   */
  static final int WORKERS_PER_CORE = 2;
  static final int MAX_WORKER_THREADS = 1000;

  /** Each setting: its variable, its flag, what it accepts and its default. */
  enum Option {
    STORE("TASK_STORE", "--store", "mongo or memory", "mongo"),
    MONGO_URI("TASK_MONGO_URI", "--mongo-uri", "a connection string starting with mongodb:// or mongodb+srv://", null),
    DB("TASK_DB", "--db", "a MongoDB database name: 1 to 63 characters, none of /\\. \"$*<>:|? or spaces", "TaskManager"),
    DATA_DIR("TASK_DATA_DIR", "--data-dir", "a directory path", "./data"),
    HTTP_HOST("TASK_HTTP_HOST", "--http-host", "an IP address or a host name, e.g. 127.0.0.1 or 0.0.0.0", "127.0.0.1"),
    HTTP_PORT("TASK_HTTP_PORT", "--http-port", "a whole number from 0 to 65535 (0 picks a free port)", "8080"),
    WORKER_THREADS("TASK_WORKER_THREADS", "--worker-threads",
        "auto (" + WORKERS_PER_CORE + " per core) or a whole number from 1 to " + MAX_WORKER_THREADS, "auto"),
    SECRET("TASK_SECRET", "--secret", "at least " + SECRET_MIN_LENGTH + " characters, no spaces or control characters", null),
    DEV("TASK_DEV", "--dev", "1, true, 0 or false", "0"),
    TRUSTED_PROXIES("TASK_TRUSTED_PROXIES", "--trusted-proxies",
        "IP addresses or CIDR ranges separated by commas, e.g. 127.0.0.1,10.0.0.0/8, or none", "127.0.0.1,::1");

    final String variable;
    final String flag;
    final String accepted;
    final String defaultValue;

    Option(String variable, String flag, String accepted, String defaultValue) {
      this.variable = variable;
      this.flag = flag;
      this.accepted = accepted;
      this.defaultValue = defaultValue;
    }

    SettingsException invalid(String value) {
      return new SettingsException(variable + " (" + flag + ") is " + quote(value) + "; accepted: " + accepted);
    }
  }

  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})|\\[?[0-9A-Fa-f:.]{2,45}]?");
  private static final Pattern DATABASE = Pattern.compile("[^/\\\\. \"$*<>:|?\\p{Cntrl}]{1,63}");

  /** The defaults: what the app runs with when nothing is configured. */
  public static Settings defaults() {
    return parse(Map.of());
  }

  /**
   * Reads the settings from environment variables and flags ({@code --http-port 8080} or
   * {@code --http-port=8080}; {@code --dev} alone means true).
   *
   * @throws SettingsException for an unknown flag, a flag without a value, or a value not accepted
   */
  public static Settings parse(Map<String, String> env, String... args) {
    Map<Option, String> given = new EnumMap<>(Option.class);
    for (Option option : Option.values()) {
      String value = env.get(option.variable);
      if (value != null && !value.isEmpty()) {
        given.put(option, value);
      }
    }
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        help = true;
        continue;
      }
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      Option option = optionForFlag(name);
      String value;
      if (arg.contains("=")) {
        value = arg.substring(arg.indexOf('=') + 1);
      } else if (option == Option.DEV) {
        value = "1";
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new SettingsException(option.flag + " needs a value: " + option.accepted);
      }
      given.put(option, value);
    }
    return new Settings(
        parseStore(value(given, Option.STORE)),
        parseMongoUri(given.get(Option.MONGO_URI)),
        parseDatabase(value(given, Option.DB)),
        parseDataDir(value(given, Option.DATA_DIR)),
        parseHost(value(given, Option.HTTP_HOST)),
        parsePort(value(given, Option.HTTP_PORT)),
        parseWorkerThreads(value(given, Option.WORKER_THREADS)),
        parseSecret(given.get(Option.SECRET)),
        parseFlag(Option.DEV, value(given, Option.DEV)),
        parseTrustedProxies(value(given, Option.TRUSTED_PROXIES)),
        help);
  }

  /** This configuration listening on another port (tests use 0). */
  public Settings withHttpPort(int port) {
    return new Settings(store, mongoUri, database, dataDir, httpHost, port, workerThreads, secret, dev, trustedProxies,
        help);
  }

  /** This configuration signing with another secret. */
  public Settings withSecret(String newSecret) {
    return new Settings(store, mongoUri, database, dataDir, httpHost, httpPort, workerThreads, parseSecret(newSecret),
        dev, trustedProxies, help);
  }

  /** What {@code --help} prints: every flag, its variable, what it accepts and its default. */
  public static String usage() {
    StringBuilder text = new StringBuilder("Usage: java -jar task-web.jar [options]\n\n"
        + "Each option can also be set by its environment variable; the option wins.\n\n");
    for (Option option : Option.values()) {
      text.append(String.format(Locale.ROOT, "  %-18s %-21s %s%s%n", option.flag, option.variable, option.accepted,
          option.defaultValue == null ? "" : " (default: " + option.defaultValue + ")"));
    }
    return text.toString();
  }

  private static Option optionForFlag(String flag) {
    for (Option option : Option.values()) {
      if (option.flag.equals(flag)) {
        return option;
      }
    }
    throw new SettingsException("unknown option " + quote(flag) + "; accepted: --help and "
        + String.join(", ", java.util.Arrays.stream(Option.values()).map(o -> o.flag).toArray(String[]::new)));
  }

  private static String value(Map<Option, String> given, Option option) {
    return given.getOrDefault(option, option.defaultValue);
  }

  private static StoreKind parseStore(String text) {
    for (StoreKind kind : StoreKind.values()) {
      if (kind.name().equalsIgnoreCase(text.strip())) {
        return kind;
      }
    }
    throw Option.STORE.invalid(text);
  }

  private static String parseMongoUri(String text) {
    if (text == null) {
      return null;
    }
    if (!(text.startsWith("mongodb://") || text.startsWith("mongodb+srv://")) || hasSpaceOrControl(text)) {
      // The URI may hold a password: name the problem without echoing it.
      throw new SettingsException(Option.MONGO_URI.variable + " (" + Option.MONGO_URI.flag
          + ") is not a MongoDB connection string; accepted: " + Option.MONGO_URI.accepted);
    }
    return text;
  }

  private static String parseDatabase(String text) {
    if (!DATABASE.matcher(text).matches()) {
      throw Option.DB.invalid(text);
    }
    return text;
  }

  private static Path parseDataDir(String text) {
    if (text.isBlank() || hasControl(text)) {
      throw Option.DATA_DIR.invalid(text);
    }
    try {
      return Path.of(text);
    } catch (InvalidPathException notAPath) {
      throw Option.DATA_DIR.invalid(text);
    }
  }

  private static String parseHost(String text) {
    String host = text.strip();
    if (!HOST.matcher(host).matches()) {
      throw Option.HTTP_HOST.invalid(text);
    }
    return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
  }

  private static int parsePort(String text) {
    String digits = text.strip();
    if (!digits.matches("[0-9]{1,5}") || Integer.parseInt(digits) > 65535) {
      throw Option.HTTP_PORT.invalid(text);
    }
    return Integer.parseInt(digits);
  }

  private static int parseWorkerThreads(String text) {
    String digits = text.strip();
    if (digits.equalsIgnoreCase("auto")) {
      return WORKERS_PER_CORE * Runtime.getRuntime().availableProcessors();
    }
    if (!digits.matches("[0-9]{1,4}") || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > MAX_WORKER_THREADS) {
      throw Option.WORKER_THREADS.invalid(text);
    }
    return Integer.parseInt(digits);
  }

  private static String parseSecret(String text) {
    if (text == null) {
      return null;
    }
    if (text.length() < SECRET_MIN_LENGTH || hasSpaceOrControl(text)) {
      // Never echo a secret, even a bad one.
      throw new SettingsException(Option.SECRET.variable + " (" + Option.SECRET.flag + ") is "
          + (text.length() < SECRET_MIN_LENGTH ? text.length() + " characters long" : "not usable")
          + "; accepted: " + Option.SECRET.accepted);
    }
    return text;
  }

  private static TrustedProxies parseTrustedProxies(String text) {
    try {
      return TrustedProxies.parse(text);
    } catch (IllegalArgumentException notAnAddress) {
      throw Option.TRUSTED_PROXIES.invalid(text);
    }
  }

  private static boolean parseFlag(Option option, String text) {
    switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "1":
      case "true":
        return true;
      case "0":
      case "false":
        return false;
      default:
        throw option.invalid(text);
    }
  }

  private static boolean hasControl(String text) {
    return text.chars().anyMatch(Character::isISOControl);
  }

  private static boolean hasSpaceOrControl(String text) {
    return text.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c));
  }

  private static String quote(String text) {
    String shown = text.length() > 60 ? text.substring(0, 60) + "…" : text;
    return "\"" + shown.replaceAll("\\p{Cntrl}", "?") + "\"";
  }
}
