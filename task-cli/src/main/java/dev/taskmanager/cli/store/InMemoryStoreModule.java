package dev.taskmanager.cli.store;

import com.google.inject.AbstractModule;
import dev.taskmanager.core.memory.InMemoryTaskStore;
import dev.taskmanager.core.memory.InMemoryTokenStore;
import dev.taskmanager.core.memory.InMemoryUserStore;
import java.util.List;

/**
 * Binds an in-memory store, users and tokens: for tests (given shared ones) and for {@code TASK_STORE=memory}.
 * Nothing is kept after the process ends, and there is nothing to check or repair.
 */
public final class InMemoryStoreModule extends AbstractModule {

  static final String DESCRIPTION = "in-memory (TASK_STORE=memory: temporary, nothing is kept after the command ends)";

  private final InMemoryTaskStore store;
  private final InMemoryUserStore users;
  private final InMemoryTokenStore tokens;

  public InMemoryStoreModule(InMemoryTaskStore store, InMemoryUserStore users, InMemoryTokenStore tokens) {
    this.store = store;
    this.users = users;
    this.tokens = tokens;
  }

  @Override
  protected void configure() {
    // The store belongs to whoever passed it in (a test may share it between commands).
    install(new OpenStoreModule(store, users, tokens, DESCRIPTION));
    bind(StoreDoctor.class).toInstance(new HealthyDoctor());
  }

  /** An in-memory store keeps its own invariants: every check passes. */
  static final class HealthyDoctor implements StoreDoctor {

    @Override
    public List<Finding> check() {
      return List.of(new Finding("store reachable", true, "in-memory store"),
          new Finding("ids unique and sequence ahead of them", true, "kept by the in-memory store itself"));
    }

    @Override
    public List<Change> plannedRepairs() {
      return List.of();
    }

    @Override
    public void repair(List<Change> changes) {
      if (!changes.isEmpty()) {
        throw new IllegalStateException("an in-memory store has nothing to repair");
      }
    }
  }
}
