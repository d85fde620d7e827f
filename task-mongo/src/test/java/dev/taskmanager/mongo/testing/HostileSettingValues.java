package dev.taskmanager.mongo.testing;

import dev.taskmanager.mongo.wiring.SettingConverter;
import dev.taskmanager.mongo.wiring.StoreConfiguration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Random and hostile values for a program's settings, the same for every program that is fed them:
 * each list holds fixed values (edge cases, valid ones among them, so that a rule that refuses too
 * much shows too), and {@link #mutations} derives more from them with a seeded {@link Random}.
 * The seed is {@link #DEFAULT_SEED} unless the system property {@code settings.fuzz.seed} gives
 * another; tests print it, so a failure can be repeated.
 */
public final class HostileSettingValues {

  public static final long DEFAULT_SEED = 20_261_201L;

  private static final Map<String, SettingConverter<?>> STORE_RULES = Map.of(
      "TASK_STORE", new StoreConfiguration.KindConverter(), "TASK_MONGO_URI", new StoreConfiguration.MongoUriConverter(),
      "TASK_DB", new StoreConfiguration.DatabaseConverter(), "TASK_DATA_DIR", new StoreConfiguration.DataDirConverter());

  /** What any setting may be handed: emptiness, control characters, Unicode, flags, interpolation. */
  public static final List<String> ANYTHING = List.of("", " ", "\t", "  x  ", "\u0000", "a\u0000b", "\r\n", "a\nb",
      "\u001b[2J", "\u0007", "\ud800", "\udfff", "\u202e", "\u00a0", "\u2028", "\ufeff", "\uffff", "é", "日本", "😀",
      "\u0663", "x".repeat(10_000), "-1", "-0", "+1", "0", "1", "1.5", "1e3", "0x10", "9".repeat(40),
      "2147483648", "-2147483649", "--", "-", "--help", "-h", "--version", "--nope", "--db", "--store=memory", "@nofile",
      "${USER}", "${env:HOME}", "a$$b", "a${", "${sys:a:-${sys:a}}", "%s%n", "'quoted'", "\"", "\\", "true", "null");

  public static final List<String> STORES = List.of("mongo", "memory", "MONGO", "Memory", " memory ", "mem", "redis",
      "mongodb", "memory\u0000", "ｍｅｍｏｒｙ");

  public static final List<String> MONGO_URIS = List.of("mongodb://127.0.0.1:27017/", "mongodb://db1,db2,db3/?replicaSet=rs0",
      "mongodb+srv://cluster.example.com/", "mongodb://admin:s3cret@db.example/?authSource=admin", "mongodb://u:pa$$w@db.example/",
      "mongodb://", "mongodb+srv://", "mongodb://h/?serverSelectionTimeoutMS=abc", "mongodb://h/?maxPoolSize=-1",
      "mongodb://h/?minPoolSize=10&maxPoolSize=5", "mongodb://h/?timeoutMS=-1", "mongodb://h:99999/", "mongodb://h:abc/",
      "mongodb://admin:" + "s3cret@", "mongodb://admin:s3c@ret.example@db/", "mongodb://admin:s3cret%zz@db.example/", "mongodb+srv://h1,h2/",
      "mongodb://h/?readPreference=nearest2", "mongodb://h/?authMechanism=GSSAPI", "mongodb://[::1", "mongodb://h?x=1",
      "mongodb://h/a b", "mongodb://h/\u0000", "garbage", "http://db/", "MONGODB://db/", " mongodb://db/",
      "mongodb://db/ ", "mongodb://" + "h".repeat(300) + "/");

  public static final List<String> DATABASES = List.of("TaskManager", "Tasks2", "tâches", "日本", "a".repeat(63),
      "a".repeat(64), "é".repeat(31), "é".repeat(32), "Task.Manager", "a/b", "a\\b", "a b", "a\"b", "a$b", "a*b", "a<b",
      "a>b", "a:b", "a|b", "a?b", "admin", "{x}", " TaskManager", "TaskManager ");

  public static final List<String> DATA_DIRS = List.of("data", "./data", "/var/lib/tasks", " my data", "données",
      "a/../b", "~", "a:b", "C:\\tasks", "/dev/null", "/".repeat(300), "d".repeat(300));

  /** What no message of a program may hold: a stack trace, or the name of an exception or a class. */
  public static final Pattern STACK_TRACE = Pattern.compile(
      "\\tat |\\bat (dev|java|picocli|com)\\.|Exception\\b|\\w+Error\\b|\\.java:\\d");

  /** What the settings' rules and a shell treat specially. */
  private static final String PUNCTUATION = " /\\.\"$*<>:|?@%{}=-,;#[]&+'`~!";

  private HostileSettingValues() {}

  /** The four store settings, each with the values to start from: every program has them. */
  public static List<Setting> storeSettings() {
    return List.of(new Setting("TASK_STORE", "--store", STORES), new Setting("TASK_MONGO_URI", "--mongo-uri", MONGO_URIS),
        new Setting("TASK_DB", "--db", DATABASES), new Setting("TASK_DATA_DIR", "--data-dir", DATA_DIRS));
  }

  /** A setting to feed: its variable, its flag, and values to start from. */
  public record Setting(String variable, String flag, List<String> seeds) {

    /** The seeds and {@link HostileSettingValues#ANYTHING}, then {@code mutations} values made from them. */
    public List<String> values(Random random, int mutations) {
      Set<String> values = new LinkedHashSet<>(seeds);
      values.addAll(ANYTHING);
      values.addAll(HostileSettingValues.mutations(random, seeds, mutations));
      return new ArrayList<>(values);
    }
  }

  /** The value for a message: control characters shown as ?, long ones cut. */
  /**
   * Whether task-mongo's rule for a store setting takes the value, as the programs must: an empty
   * variable counts as unset, while an empty {@code --flag=} is a value the rule judges.
   *
   * @throws IllegalArgumentException when the variable names no store setting
   */
  public static boolean storeRuleAccepts(String variable, String value, boolean asVariable) {
    SettingConverter<?> rule = STORE_RULES.get(variable);
    if (rule == null) {
      throw new IllegalArgumentException(variable + " is not a store setting");
    }
    if (value.isEmpty() && asVariable) {
      return true;
    }
    try {
      rule.convert(value);
      return true;
    } catch (RuntimeException refused) {
      return false;
    }
  }

  /** Whether the variable is one of the four store settings task-mongo owns. */
  public static boolean isStoreSetting(String variable) {
    return STORE_RULES.containsKey(variable);
  }

  public static String printable(String value) {
    String shown = value.replaceAll("[\\p{Cntrl}\\p{Cf}\\p{Cs}\\p{Zl}\\p{Zp}]", "?");
    return shown.length() > 80 ? shown.substring(0, 80) + "…" : shown;
  }

  /** The seed for this run: {@code -Dsettings.fuzz.seed=…}, else {@link #DEFAULT_SEED}. */
  public static long seed() {
    return Long.getLong("settings.fuzz.seed", DEFAULT_SEED);
  }

  /**
   * {@code count} values made from {@code seeds} and {@link #ANYTHING}: one picked as it is, or
   * cut, doubled, or with a random character (control, surrogate half, anything in the BMP or beyond)
   * put in, taken out or replaced. Distinct, in the order made.
   */
  public static List<String> mutations(Random random, List<String> seeds, int count) {
    Set<String> made = new LinkedHashSet<>();
    for (int attempt = 0; made.size() < count && attempt < count * 20; attempt++) {
      String value = random.nextInt(4) == 0 ? pick(random, ANYTHING) : pick(random, seeds);
      switch (random.nextInt(6)) {
        case 0:
          break;
        case 1:
          value = value.substring(0, random.nextInt(value.length() + 1));
          break;
        case 2:
          value = value.length() > 1_000 ? value : value + value;
          break;
        default:
          value = mutateOneCharacter(random, value);
          break;
      }
      made.add(value);
    }
    return new ArrayList<>(made);
  }

  private static String mutateOneCharacter(Random random, String value) {
    int at = random.nextInt(value.length() + 1);
    String character = randomCharacter(random);
    switch (random.nextInt(3)) {
      case 0:
        return value.substring(0, at) + character + value.substring(at);
      case 1:
        return at == value.length() ? value : value.substring(0, at) + value.substring(at + 1);
      default:
        return at == value.length() ? value + character : value.substring(0, at) + character + value.substring(at + 1);
    }
  }

  private static String randomCharacter(Random random) {
    switch (random.nextInt(5)) {
      case 0:
        return String.valueOf((char) random.nextInt(0x20));
      case 1:
        return String.valueOf((char) (0xd800 + random.nextInt(0x800)));
      case 2:
        return String.valueOf(PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length())));
      case 3:
        return new String(Character.toChars(0x10000 + random.nextInt(0x10000)));
      default:
        return String.valueOf((char) (0x20 + random.nextInt(0xd7e0)));
    }
  }

  private static String pick(Random random, List<String> choices) {
    return choices.get(random.nextInt(choices.size()));
  }
}
