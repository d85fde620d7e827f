package dev.taskmanager.core.memory;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.taskmanager.core.contract.IdRulesChecker;
import dev.taskmanager.core.contract.StoreOperation;
import dev.taskmanager.core.model.Task;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * No sequence of creates, updates, deletes, resets and imports breaks the ID rules, from an empty
 * store or from one that another program left with its sequence behind its ids.
 */
class InMemoryIdRulesPropertyTest {

  @Test
  void noSequenceOfOperationsBreaksTheIdRules() {
    qt().withExamples(500).forAll(workloads())
        .checkAssert(operations -> new IdRulesChecker(new InMemoryTaskStore(), List.of()).run(operations));
  }

  @Test
  void noSequenceOfOperationsIssuesAnIdAnotherProgramStored() {
    qt().withExamples(300).forAll(idsWrittenElsewhere(), longs().between(0, 40), workloads())
        .checkAssert((storedIds, sequence, operations) -> {
          List<Task> writtenElsewhere = storedIds.stream().map(id -> new Task(id, "elsewhere", "", 0))
              .collect(Collectors.toList());
          new IdRulesChecker(new InMemoryTaskStore(writtenElsewhere, sequence), writtenElsewhere).run(operations);
        });
  }

  private static Gen<List<Long>> idsWrittenElsewhere() {
    return lists().of(longs().between(0, 40)).ofSizeBetween(0, 25)
        .map(ids -> ids.stream().distinct().sorted().collect(Collectors.toList()));
  }

  private static Gen<List<StoreOperation>> workloads() {
    Gen<String> titles = Generate.pick(List.of("alpha", "beta", "gamma"));
    Gen<Integer> picks = integers().between(0, 1000);
    Gen<StoreOperation> create = titles.map(StoreOperation.Create::new);
    Gen<StoreOperation> update = picks.zip(integers().between(0, 1000), StoreOperation.Update::new);
    Gen<StoreOperation> delete = picks.map(StoreOperation.Delete::new);
    Gen<StoreOperation> deleteByTitle = titles.map(StoreOperation.DeleteByTitle::new);
    Gen<StoreOperation> reset = Generate.constant(new StoreOperation.Reset());
    Gen<StoreOperation> importTasks = lists().of(longs().between(0, 60)).ofSizeBetween(0, 5)
        .zip(booleans().all(), StoreOperation.Import::new);
    Gen<StoreOperation> operation = Generate.frequency(List.of(
        Pair.of(10, create), Pair.of(3, update), Pair.of(4, delete),
        Pair.of(2, deleteByTitle), Pair.of(1, reset), Pair.of(2, importTasks)));
    return lists().of(operation).ofSizeBetween(0, 60);
  }
}
