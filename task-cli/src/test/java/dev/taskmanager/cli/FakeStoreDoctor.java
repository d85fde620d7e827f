package dev.taskmanager.cli;

import dev.taskmanager.cli.store.StoreDoctor;
import java.util.ArrayList;
import java.util.List;

/** A doctor for tests: reports the findings it is given, and after a repair, those it is told. */
final class FakeStoreDoctor implements StoreDoctor {

  List<Finding> findings = List.of(new Finding("store reachable", true, "fake"));
  List<Finding> findingsAfterRepair = List.of(new Finding("store reachable", true, "fake"));
  List<Change> planned = List.of();
  final List<List<Change>> repairs = new ArrayList<>();

  @Override
  public List<Finding> check() {
    return repairs.isEmpty() ? findings : findingsAfterRepair;
  }

  @Override
  public List<Change> plannedRepairs() {
    return planned;
  }

  @Override
  public void repair(List<Change> changes) {
    repairs.add(List.copyOf(changes));
  }
}
