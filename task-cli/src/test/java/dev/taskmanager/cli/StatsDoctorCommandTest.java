package dev.taskmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import dev.taskmanager.cli.Cli.Result;
import dev.taskmanager.cli.store.StoreDoctor;
import dev.taskmanager.cli.store.StoreDoctor.Change;
import dev.taskmanager.cli.store.StoreDoctor.Finding;
import dev.taskmanager.core.memory.InMemoryTaskStore;
import dev.taskmanager.core.port.TaskStore;
import dev.taskmanager.mongo.wiring.StoreLifecycle;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsDoctorCommandTest {

  private final FakeStoreDoctor doctor = new FakeStoreDoctor();
  private final InMemoryTaskStore store = new InMemoryTaskStore();
  private final Cli cli = Cli.withModule(new AbstractModule() {
    @Override
    protected void configure() {
      bind(TaskStore.class).toInstance(store);
      bind(StoreDoctor.class).toInstance(doctor);
      bind(StoreLifecycle.class).toInstance(StoreLifecycle.nothingToClose("fake store"));
    }
  });

  @Test
  void statsShowsTheCountTheNextIdAndTheStore() {
    Cli memory = new Cli();
    memory.given("a");
    memory.given("b");
    memory.run("delete", "0");

    Result result = memory.run("stats");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("tasks:    1\nnext id:  2\nstore:    "
        + "in-memory (TASK_STORE=memory: temporary, nothing is kept after the command ends)\n");
  }

  @Test
  void statsAsJsonAndCsv() {
    assertThat(cli.run("stats", "--format", "json").out()).isEqualTo("{\"tasks\":0,\"nextId\":0,\"store\":\"fake store\"}\n");
    assertThat(cli.run("stats", "--format", "csv").out()).isEqualTo("tasks,next_id,store\n0,0,\"fake store\"\n");
  }

  @Test
  void doctorReportsAHealthyStoreWithExitCodeZero() {
    Result result = cli.run("doctor");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("store: fake store\nok       store reachable: fake\nno problems found\n");
  }

  @Test
  void doctorWithoutRepairOnlyReportsAndSaysWhatRepairWouldChange() {
    doctor.findings = List.of(
        new Finding("store reachable", true, "yes"),
        new Finding("no duplicate ids", false, "id 3 is held by 2 tasks"));
    doctor.planned = List.of(new Change("give the task \"b\" with duplicate id 3 the new id 12"));

    Result result = cli.run("doctor");

    assertThat(result.exitCode()).isEqualTo(5);
    assertThat(result.out()).isEqualTo("store: fake store\n"
        + "ok       store reachable: yes\n"
        + "PROBLEM  no duplicate ids: id 3 is held by 2 tasks\n"
        + "task doctor --repair would:\n"
        + "  - give the task \"b\" with duplicate id 3 the new id 12\n");
    assertThat(result.err()).isEqualTo("task: 1 problem found; run 'task doctor --repair' to fix\n");
    assertThat(doctor.repairs).isEmpty();
  }

  @Test
  void doctorRepairPrintsEachChangeThenMakesExactlyThose() {
    doctor.findings = List.of(new Finding("sequence ahead of ids", false, "task_id is 4, largest id is 9"));
    doctor.planned = List.of(new Change("set settings.task_id from 4 to 10"));

    Result result = cli.run("doctor", "--repair");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).contains("repairing:\n  - set settings.task_id from 4 to 10\n")
        .endsWith("checking again:\nok       store reachable: fake\nrepaired: no problems left\n");
    assertThat(doctor.repairs).containsExactly(doctor.planned);
  }

  @Test
  void doctorRepairFailsWhenProblemsRemain() {
    doctor.findings = List.of(new Finding("unique index", false, "missing"));
    doctor.planned = List.of(new Change("create the unique index"));
    doctor.findingsAfterRepair = List.of(new Finding("unique index", false, "still missing"));

    Result result = cli.run("doctor", "--repair");

    assertThat(result.exitCode()).isEqualTo(5);
    assertThat(result.err()).isEqualTo("task: 1 problem remains after the repair\n");
  }

  @Test
  void doctorSaysWhenNothingCanBeRepaired() {
    doctor.findings = List.of(new Finding("settings", false, "2 documents"));

    Result result = cli.run("doctor", "--repair");

    assertThat(result.exitCode()).isEqualTo(5);
    assertThat(result.err()).isEqualTo("task: 1 problem found; none can be repaired automatically\n");
    assertThat(doctor.repairs).isEmpty();
  }

  @Test
  void theInMemoryStoreIsAlwaysHealthy() {
    Result result = new Cli().run("doctor", "--repair");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).endsWith("no problems found\n");
  }
}
