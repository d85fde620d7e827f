/**
 * The task manager's core: the model, the {@code TaskStore} port with its ID rules, the use cases,
 * an in-memory store, and how every face tells a failure and echoes a value. Depends on nothing but
 * {@code java.base}.
 */
module dev.taskmanager.core {
  exports dev.taskmanager.core.model;
  exports dev.taskmanager.core.account;
  exports dev.taskmanager.core.port;
  exports dev.taskmanager.core.query;
  exports dev.taskmanager.core.usecase;
  exports dev.taskmanager.core.memory;
  exports dev.taskmanager.core.failure;
  exports dev.taskmanager.core.text;
}
