package dev.taskmanager.core.memory;

import dev.taskmanager.core.account.TokenStore;
import dev.taskmanager.core.contract.TokenStoreContract;

class InMemoryTokenStoreTest extends TokenStoreContract {

  @Override
  protected TokenStore newTokenStore() {
    return new InMemoryTokenStore();
  }
}
