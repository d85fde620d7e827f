package dev.taskmanager.cli;

import dev.taskmanager.cli.store.OpenedStore;
import dev.taskmanager.cli.store.StoreDoctor;
import dev.taskmanager.cli.store.StoreDoctor.Change;
import dev.taskmanager.cli.store.StoreDoctor.Finding;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "doctor", description = {
    "Checks the store and, with --repair, fixes it.",
    "",
    "Checks: the store is reachable, the task ids have a unique index, the sequence document is "
        + "alone and not behind the largest id, no two tasks share an id (the tutorial app's race leaves "
        + "such duplicates). Without --repair it only reports, and says what --repair would change; the "
        + "exit code is 5 when something is wrong. --repair prints each change, makes it, and checks again."},
    footer = {
        "  task doctor",
        "  task doctor --repair"
    })
final class DoctorCommand extends StoreCommand<Void> {

  @Option(names = "--repair", description = "Fix what can be fixed: move the sequence past the largest id, "
      + "give the later duplicates new ids.")
  boolean repair;


  @Override
  int run(OpenedStore store, Void noInput) {
    StoreDoctor doctor = store.doctor();
    out().println("store: " + store.description());
    long problems = print(doctor.check());
    if (problems == 0) {
      out().println("no problems found");
      return ExitCodes.OK;
    }
    List<Change> planned = doctor.plannedRepairs();
    if (!repair) {
      if (!planned.isEmpty()) {
        out().println("task doctor --repair would:");
        planned.forEach(change -> out().println("  - " + change.description()));
      }
      throw new CliException(ExitCodes.PROBLEMS_FOUND, counted(problems, "problem") + " found"
          + (planned.isEmpty() ? "; none can be repaired automatically" : "; run 'task doctor --repair' to fix"));
    }
    if (planned.isEmpty()) {
      throw new CliException(ExitCodes.PROBLEMS_FOUND, counted(problems, "problem")
          + " found; none can be repaired automatically");
    }
    out().println("repairing:");
    planned.forEach(change -> out().println("  - " + change.description()));
    out().flush();
    doctor.repair(planned);
    out().println("checking again:");
    long left = print(doctor.check());
    if (left > 0) {
      throw new CliException(ExitCodes.PROBLEMS_FOUND, left + (left == 1 ? " problem remains" : " problems remain")
          + " after the repair");
    }
    out().println("repaired: no problems left");
    return ExitCodes.OK;
  }

  private long print(List<Finding> findings) {
    for (Finding finding : findings) {
      out().println((finding.ok() ? "ok       " : "PROBLEM  ") + finding.check() + ": " + finding.detail());
    }
    return findings.stream().filter(finding -> !finding.ok()).count();
  }
}
