package dev.taskmanager.core.memory;

import dev.taskmanager.core.contract.IdRulesChecker;
import dev.taskmanager.core.contract.StoreOperation;
import dev.taskmanager.core.model.Task;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * No sequence of creates, updates, deletes, resets and imports breaks the ID rules, from an empty
 * store or from one that another program left with its sequence behind its ids.
 */
class InMemoryIdRulesPropertyTest {

  @Property(tries = 500)
  void noSequenceOfOperationsBreaksTheIdRules(@ForAll("workloads") List<StoreOperation> operations) {
    new IdRulesChecker(new InMemoryTaskStore(), List.of()).run(operations);
  }

  @Property(tries = 300)
  void noSequenceOfOperationsIssuesAnIdAnotherProgramStored(
      @ForAll("idsWrittenElsewhere") Set<Long> storedIds,
      @ForAll @LongRange(max = 40) long sequence,
      @ForAll("workloads") List<StoreOperation> operations) {
    List<Task> writtenElsewhere = storedIds.stream().sorted().map(id -> new Task(id, "elsewhere", "", 0))
        .collect(Collectors.toList());

    new IdRulesChecker(new InMemoryTaskStore(writtenElsewhere, sequence), writtenElsewhere).run(operations);
  }

  @Provide
  Arbitrary<Set<Long>> idsWrittenElsewhere() {
    return Arbitraries.longs().between(0, 40).set().ofMaxSize(25);
  }

  @Provide
  Arbitrary<List<StoreOperation>> workloads() {
    Arbitrary<String> titles = Arbitraries.of("alpha", "beta", "gamma");
    Arbitrary<Integer> picks = Arbitraries.integers().between(0, 1000);
    Arbitrary<StoreOperation> operation = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(10, titles.map(StoreOperation.Create::new)),
        net.jqwik.api.Tuple.of(3, Combinators.combine(picks, Arbitraries.integers().between(0, 1000))
            .as(StoreOperation.Update::new)),
        net.jqwik.api.Tuple.of(4, picks.map(StoreOperation.Delete::new)),
        net.jqwik.api.Tuple.of(2, titles.map(StoreOperation.DeleteByTitle::new)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(new StoreOperation.Reset())),
        net.jqwik.api.Tuple.of(2, Combinators.combine(
                Arbitraries.longs().between(0, 60).list().ofMaxSize(5), Arbitraries.of(true, false))
            .as(StoreOperation.Import::new)));
    return operation.list().ofMaxSize(60);
  }
}
