package dev.taskmanager.web;

import dev.taskmanager.core.text.Excerpts;
import dev.taskmanager.mongo.wiring.EnvironmentDefaults;
import dev.taskmanager.mongo.wiring.InvalidSettingException;
import dev.taskmanager.mongo.wiring.SettingConverter;
import dev.taskmanager.mongo.wiring.StoreOptions;
import dev.taskmanager.mongo.wiring.ZoneOption;
import dev.taskmanager.mongo.wiring.TakesAnyValue;
import dev.taskmanager.web.http.AddressRanges;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The web app's command line: every setting as a flag with its environment variable as default
 * ({@code ${env:…}}, read by {@link EnvironmentDefaults}), each checked by its converter as picocli
 * parses it. The store's four come from task-mongo's {@link StoreOptions}, as the CLI's do.
 */
@Command(
    name = "task-web",
    sortOptions = false,
    usageHelpAutoWidth = false,
    usageHelpWidth = 100,
    description = {"Serves the task page, the JSON API and health checks.",
        "Each option can also be set by its environment variable, named first in its description; the option wins."})
final class WebOptions {

  static final String HOST_ACCEPTED = "an IP address or a host name, e.g. 127.0.0.1 or 0.0.0.0";
  static final String PORT_ACCEPTED = "a whole number from 0 to 65535 (0 picks a free port)";
  static final String WORKER_THREADS_ACCEPTED =
      "auto (" + Settings.WORKERS_PER_CORE + " per core) or a whole number from 1 to " + Settings.MAX_WORKER_THREADS;
  static final String SECRET_ACCEPTED =
      "at least " + Settings.SECRET_MIN_LENGTH + " characters, no spaces or control characters";
  static final String DEV_ACCEPTED = "1, true, 0 or false";
  static final String LOG_FORMAT_ACCEPTED = "text or json";
  static final String ADDRESS_RANGES_ACCEPTED =
      "IP addresses or CIDR ranges separated by commas, e.g. 127.0.0.1,10.0.0.0/8, or none";

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Option(names = "--http-host", parameterConsumer = TakesAnyValue.class, paramLabel = "HOST", defaultValue = "${env:TASK_HTTP_HOST:-127.0.0.1}",
      converter = HostConverter.class,
      description = "TASK_HTTP_HOST: the interface to listen on, " + HOST_ACCEPTED + " (default: 127.0.0.1).")
  String httpHost;

  @Option(names = "--http-port", parameterConsumer = TakesAnyValue.class, paramLabel = "PORT", defaultValue = "${env:TASK_HTTP_PORT:-8080}",
      converter = PortConverter.class, description = "TASK_HTTP_PORT: " + PORT_ACCEPTED + " (default: 8080).")
  int httpPort;

  @Option(names = "--worker-threads", parameterConsumer = TakesAnyValue.class, paramLabel = "N", defaultValue = "${env:TASK_WORKER_THREADS:-auto}",
      converter = WorkerThreadsConverter.class,
      description = "TASK_WORKER_THREADS: requests handled at once, " + WORKER_THREADS_ACCEPTED + " (default: auto).")
  int workerThreads;

  @Option(names = "--secret", parameterConsumer = TakesAnyValue.class, paramLabel = "SECRET", defaultValue = "${env:TASK_SECRET}", converter = SecretConverter.class,
      description = "TASK_SECRET: signs CSRF tokens and flash messages, " + SECRET_ACCEPTED + "; replicas must share it."
          + " Unset: one is generated and kept in the data dir.")
  String secret;

  @Option(names = "--trusted-proxies", parameterConsumer = TakesAnyValue.class, paramLabel = "LIST", defaultValue = "${env:TASK_TRUSTED_PROXIES:-127.0.0.1,::1}",
      converter = TrustedProxiesConverter.class,
      description = "TASK_TRUSTED_PROXIES: the reverse proxies whose X-Forwarded-* headers are believed, "
          + ADDRESS_RANGES_ACCEPTED + " (default: 127.0.0.1,::1).")
  AddressRanges trustedProxies;

  @Option(names = "--metrics-from", parameterConsumer = TakesAnyValue.class, paramLabel = "LIST", defaultValue = "${env:TASK_METRICS_FROM:-127.0.0.1,::1}",
      converter = MetricsReadersConverter.class,
      description = "TASK_METRICS_FROM: the clients that may read /metrics, asking directly (never through a proxy), "
          + ADDRESS_RANGES_ACCEPTED + "; others get a 404 (default: 127.0.0.1,::1).")
  AddressRanges metricsReaders;

  @Option(names = "--dev", paramLabel = "0|1", arity = "0..1", fallbackValue = "1", defaultValue = "${env:TASK_DEV:-0}",
      converter = DevConverter.class,
      description = "TASK_DEV: " + DEV_ACCEPTED + "; --dev alone means 1: templates and static files are read from"
          + " task-web/src/main/resources on each request (default: 0).")
  boolean dev;

  @Option(names = "--log-format", parameterConsumer = TakesAnyValue.class, paramLabel = "FORMAT",
      defaultValue = "${env:TASK_LOG_FORMAT:-text}", converter = LogFormatConverter.class,
      description = "TASK_LOG_FORMAT: how log lines are written on stdout, " + LOG_FORMAT_ACCEPTED
          + ": one JSON object per line, for log collectors (default: text).")
  LogFormat logFormat;

  @Mixin
  StoreOptions store = new StoreOptions();

  @Mixin
  ZoneOption zone = new ZoneOption();

  /**
   * The settings for these variables and arguments.
   *
   * @throws SettingsException for an unknown option, an option without its value, or a value not
   *     accepted: one line naming the variable and its flag and what is accepted
   */
  static Settings parse(Map<String, String> environment, String... args) {
    CommandLine commandLine = commandLine(environment);
    try {
      ParseResult parsed = commandLine.parseArgs(args);
      WebOptions options = commandLine.getCommand();
      return new Settings(options.store.kind(), options.store.mongoUri().orElse(null), options.store.database(),
          options.store.dataDir(), options.httpHost, options.httpPort, options.workerThreads, options.secret, options.dev,
          options.trustedProxies, options.metricsReaders, options.zone.zone(), options.logFormat,
          parsed.isUsageHelpRequested());
    } catch (ParameterException refused) {
      throw new SettingsException(InvalidSettingException.oneLine(refused).orElseGet(() -> otherMistake(refused)));
    }
  }

  /** What {@code --help} prints: every option with its variable, what it accepts and its default. */
  static String usage() {
    return commandLine(Map.of()).getUsageMessage();
  }

  private static CommandLine commandLine(Map<String, String> environment) {
    return new CommandLine(new WebOptions())
        .setDefaultValueProvider(new EnvironmentDefaults(environment))
        // As before picocli: the last of a repeated option wins, and "@file" is no file of arguments.
        .setOverwrittenOptionsAllowed(true)
        .setExpandAtFiles(false);
  }

  private static String otherMistake(ParameterException refused) {
    String options = refused.getCommandLine().getCommandSpec().options().stream()
        .map(OptionSpec::longestName).collect(Collectors.joining(", "));
    if (refused instanceof UnmatchedArgumentException && !((UnmatchedArgumentException) refused).getUnmatched().isEmpty()) {
      return "unknown option " + Excerpts.quote(((UnmatchedArgumentException) refused).getUnmatched().get(0))
          + "; accepted: " + options;
    }
    // Picocli's own words, which hold no value of ours (the converters word those), kept to one line.
    return Excerpts.joinLines(refused.getMessage()) + "; accepted: " + options;
  }

  /** {@code TASK_HTTP_HOST}: an IP literal (IPv6 with or without brackets) or a host name. */
  static final class HostConverter extends SettingConverter<String> {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})|\\[?[0-9A-Fa-f:.]{2,45}]?");

    HostConverter() {
      super("TASK_HTTP_HOST", "--http-host", HOST_ACCEPTED);
    }

    @Override
    public String convert(String text) {
      String host = text.strip();
      if (!HOST.matcher(host).matches()) {
        throw invalid(text);
      }
      return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }
  }

  /** {@code TASK_HTTP_PORT}: 0 to 65535. */
  static final class PortConverter extends SettingConverter<Integer> {
    PortConverter() {
      super("TASK_HTTP_PORT", "--http-port", PORT_ACCEPTED);
    }

    @Override
    public Integer convert(String text) {
      return wholeNumber(text, 0, 65_535);
    }
  }

  /** {@code TASK_WORKER_THREADS}: {@code auto} or 1 to {@link Settings#MAX_WORKER_THREADS}. */
  static final class WorkerThreadsConverter extends SettingConverter<Integer> {
    WorkerThreadsConverter() {
      super("TASK_WORKER_THREADS", "--worker-threads", WORKER_THREADS_ACCEPTED);
    }

    @Override
    public Integer convert(String text) {
      if (text.strip().equalsIgnoreCase("auto")) {
        return Settings.WORKERS_PER_CORE * Runtime.getRuntime().availableProcessors();
      }
      return wholeNumber(text, 1, Settings.MAX_WORKER_THREADS);
    }
  }

  /** {@code TASK_SECRET}: long enough, nothing a shell or a config file would mangle; never shown. */
  static final class SecretConverter extends SettingConverter<String> {
    SecretConverter() {
      super("TASK_SECRET", "--secret", SECRET_ACCEPTED);
    }

    @Override
    public String convert(String text) {
      if (text.length() < Settings.SECRET_MIN_LENGTH) {
        throw refused("is " + text.length() + " characters long");
      }
      if (text.chars().anyMatch(character -> Character.isISOControl(character) || Character.isWhitespace(character))) {
        throw refused("is not usable");
      }
      return text;
    }
  }

  /** {@code TASK_DEV}: a yes or a no. */
  static final class DevConverter extends SettingConverter<Boolean> {
    DevConverter() {
      super("TASK_DEV", "--dev", DEV_ACCEPTED);
    }

    @Override
    public Boolean convert(String text) {
      switch (text.strip().toLowerCase(Locale.ROOT)) {
        case "1":
        case "true":
          return true;
        case "0":
        case "false":
          return false;
        default:
          throw invalid(text);
      }
    }
  }

  /** {@code TASK_LOG_FORMAT}: {@code text} or {@code json}, in any case. */
  static final class LogFormatConverter extends SettingConverter<LogFormat> {
    LogFormatConverter() {
      super("TASK_LOG_FORMAT", "--log-format", LOG_FORMAT_ACCEPTED);
    }

    @Override
    public LogFormat convert(String text) {
      switch (text.strip().toLowerCase(Locale.ROOT)) {
        case "text":
          return LogFormat.TEXT;
        case "json":
          return LogFormat.JSON;
        default:
          throw invalid(text);
      }
    }
  }

  /** A list of addresses and ranges (see {@link AddressRanges#parse}), for the setting a subclass names. */
  abstract static class AddressRangesConverter extends SettingConverter<AddressRanges> {
    AddressRangesConverter(String variable, String flag) {
      super(variable, flag, ADDRESS_RANGES_ACCEPTED);
    }

    @Override
    public AddressRanges convert(String text) {
      try {
        return AddressRanges.parse(text);
      } catch (IllegalArgumentException notAnAddress) {
        throw invalid(text);
      }
    }
  }

  static final class TrustedProxiesConverter extends AddressRangesConverter {
    TrustedProxiesConverter() {
      super("TASK_TRUSTED_PROXIES", "--trusted-proxies");
    }
  }

  static final class MetricsReadersConverter extends AddressRangesConverter {
    MetricsReadersConverter() {
      super("TASK_METRICS_FROM", "--metrics-from");
    }
  }
}
