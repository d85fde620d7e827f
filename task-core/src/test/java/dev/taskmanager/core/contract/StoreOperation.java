package dev.taskmanager.core.contract;

import java.util.List;

/**
 * One step of a random workload against a store, as data, so that property tests can generate,
 * shrink and print sequences of them. Indexes pick among the tasks stored at that moment.
 */
public sealed interface StoreOperation {

  record Create(String title) implements StoreOperation {}

  record Update(int pick, int priority) implements StoreOperation {}

  record Delete(int pick) implements StoreOperation {}

  record DeleteByTitle(String title) implements StoreOperation {}

  record Reset() implements StoreOperation {}

  record Import(List<Long> ids, boolean replace) implements StoreOperation {}
}
