package dev.taskmanager.cli;

import dev.taskmanager.cli.store.StoreModuleSelector;
import dev.taskmanager.cli.store.StoreModules;
import dev.taskmanager.mongo.wiring.EnvironmentDefaults;
import dev.taskmanager.mongo.wiring.StoreOptions;
import dev.taskmanager.mongo.wiring.ZoneOption;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.LogManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.RunLast;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code task}: the task manager's admin tool. The root command holds the global options (the
 * store, {@code --verbose}); each subcommand is a class of its own.
 */
@Command(
    name = "task",
    mixinStandardHelpOptions = true,
    // Subcommands inherit the help options and the list of exit codes below.
    scope = ScopeType.INHERIT,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = false,
    description = "Lists, adds, edits, deletes, imports and exports tasks, checks the store they live in, and"
        + " manages the users who may use them.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        " 0:success",
        " 1:invalid input: a value, file or record broke a rule (the message says which)",
        " 2:usage: unknown command or option, missing or extra argument",
        " 3:not found: no task has that id (no user that name, no token that id)",
        " 4:store unavailable: the store could not be reached or opened",
        " 5:doctor found problems",
        "70:internal error (run again with --verbose for the details)"
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  task add \"Write the report\" --priority 5",
        "  task list --sort priority --reverse --limit 10",
        "  TASK_STORE=memory task stats",
        "  task export --format jsonl --output tasks.jsonl",
        "",
        "Store: MongoDB at TASK_MONGO_URI, else the embedded server in TASK_DATA_DIR.",
        "TASK_STORE=memory gives a temporary in-memory store (for trying things out).",
        "Colour only on a terminal, and never when NO_COLOR is set."
    })
public final class TaskCli implements Callable<Integer> {

  /** The subcommands, in the order help lists them; {@link #commandLine} registers them. */
  private static final List<Class<?>> SUBCOMMANDS = List.of(
      AddCommand.class, ListCommand.class, ShowCommand.class, EditCommand.class, DoneCommand.class,
      ReopenCommand.class, DeleteCommand.class, RestoreCommand.class, DeletedCommand.class,
      ResetCommand.class, ExportCommand.class, ImportCommand.class, BackupCommand.class, StatsCommand.class,
      UserCommand.class, TokenCommand.class, DoctorCommand.class, CompletionCommand.class);

  @Mixin
  StoreOptions storeOptions = new StoreOptions();

  @Mixin
  ZoneOption zoneOption = new ZoneOption();

  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "Show the stack trace of an error.")
  boolean verbose;

  @Spec
  CommandSpec spec;

  ZoneId zone() {
    return zoneOption.zone();
  }

  StoreOptions storeOptions() {
    return storeOptions;
  }

  boolean verbose() {
    return verbose;
  }

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing command: say what to do, e.g. 'task list'");
  }

  /**
   * The command line for these arguments, with its error handling, commands built and injected by
   * {@code factory}. Picocli reads every command's model by reflection at each start, and its
   * classes cannot go in the class-data archive, so only the subcommand the arguments name is
   * built — unless they name none, ask for the completion script (made from every command), or do
   * not parse that way, when all are, and the full model answers and explains. Options default to
   * the variables of {@code environment} that their {@code ${env:…}} names.
   */
  public static CommandLine commandLine(CliFactory factory, Map<String, String> environment, String... args) {
    Class<?> named = namedSubcommand(args);
    if (named != null && named != CompletionCommand.class) {
      CommandLine lean = commandLine(factory, environment, List.of(named));
      try {
        lean.parseArgs(args);
        return lean;
      } catch (ParameterException notThisWay) {
        // e.g. the name was an option's value: the full model parses it as it should be.
      }
    }
    return commandLine(factory, environment, SUBCOMMANDS);
  }

  /** The first argument that is a subcommand's name or alias, if any. */
  private static Class<?> namedSubcommand(String... args) {
    for (String arg : args) {
      for (Class<?> subcommand : SUBCOMMANDS) {
        Command command = subcommand.getAnnotation(Command.class);
        if (command.name().equals(arg) || Arrays.asList(command.aliases()).contains(arg)) {
          return subcommand;
        }
      }
    }
    return null;
  }

  private static CommandLine commandLine(CliFactory factory, Map<String, String> environment,
      List<Class<?>> subcommands) {
    CommandLine commandLine = new CommandLine(TaskCli.class, factory);
    subcommands.forEach(commandLine::addSubcommand);
    CommandLine list = commandLine.getSubcommands().get("list");
    if (list != null) {
      // A query's -tag:work is a term, not an unknown option.
      list.setUnmatchedOptionsArePositionalParams(true);
    }
    // After the subcommands: picocli hands the provider to those it has.
    commandLine.setDefaultValueProvider(new EnvironmentDefaults(environment));
    // Choices are typed in lower case (json, skip); their enums are in capitals.
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    ErrorHandler errors = new ErrorHandler();
    commandLine.setExecutionExceptionHandler(errors);
    commandLine.setParameterExceptionHandler(errors);
    commandLine.setExecutionStrategy(parseResult -> {
      Integer helpExitCode = CommandLine.executeHelpRequest(parseResult);
      if (helpExitCode != null) {
        return helpExitCode;
      }
      List<CommandLine> parsed = parseResult.asCommandLineList();
      CommandLine toRun = parsed.get(parsed.size() - 1);
      try {
        factory.injectMembers(toRun.getCommand());
      } catch (RuntimeException wiringFailed) {
        throw new ExecutionException(toRun, "cannot wire " + toRun.getCommandName(), wiringFailed);
      }
      return new RunLast().execute(parseResult);
    });
    return commandLine;
  }

  public static void main(String[] args) {
    configureLogging();
    // UTF-8 whatever the locale: exports and JSON are UTF-8, and a C locale would turn text into '?'.
    PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
        new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(
        new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
    System.exit(run(System.getenv(), args, out, err));
  }

  private static void configureLogging() {
    try (InputStream config = TaskCli.class.getResourceAsStream("logging.properties")) {
      LogManager.getLogManager().readConfiguration(config);
    } catch (IOException | RuntimeException unreadable) {
      // The JDK's defaults stay: wordier, never wrong.
    }
  }

  /**
   * Runs {@code task} as {@code main} does, on the real stores and terminal, and returns its exit
   * code: what {@code main} exits with, and what tests that run the whole program in-process check.
   */
  static int run(Map<String, String> environment, String[] args, PrintWriter out, PrintWriter err) {
    return run(Terminal.system(), StoreModules::select, environment, args, out, err);
  }

  /**
   * Runs {@code task} at this terminal, on the stores {@code stores} chooses, and returns its exit
   * code: {@link #main} through {@link #run(Map, String[], PrintWriter, PrintWriter)}, and the web
   * app for the commands it serves.
   */
  public static int run(Terminal terminal, StoreModuleSelector stores, Map<String, String> environment,
      String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = commandLine(new CliFactory(new CliModule(terminal, stores)), environment, args);
    commandLine.setOut(out);
    commandLine.setErr(err);
    int exitCode;
    try {
      exitCode = commandLine.execute(args);
    } catch (OutOfMemoryError | StackOverflowError exhausted) {
      // Errors pass picocli's handlers by; the person still gets one line, not a JVM's stack trace.
      String what = exhausted instanceof OutOfMemoryError ? "memory" : "stack";
      err.println("task: the JVM ran out of " + what + "; give it more with TASK_JAVA_OPTS="
          + (what.equals("memory") ? "-Xmx1g" : "-Xss8m") + ", or run again with --verbose to see where");
      exitCode = ExitCodes.INTERNAL_ERROR;
    }
    out.flush();
    err.flush();
    return exitCode;
  }
}
