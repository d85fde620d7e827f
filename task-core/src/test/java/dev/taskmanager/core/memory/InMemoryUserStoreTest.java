package dev.taskmanager.core.memory;

import dev.taskmanager.core.account.UserStore;
import dev.taskmanager.core.contract.UserStoreContract;

class InMemoryUserStoreTest extends UserStoreContract {

  @Override
  protected UserStore newUserStore() {
    return new InMemoryUserStore();
  }
}
