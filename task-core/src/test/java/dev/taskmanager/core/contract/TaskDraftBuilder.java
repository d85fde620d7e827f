package dev.taskmanager.core.contract;

import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskDraft;

/**
 * Test data with defaults: {@code aTask().titled("Buy milk").withPriority(3).build()}. Only what a
 * test cares about is spelled out.
 */
public final class TaskDraftBuilder {

  private String title = "A task";
  private String shortdesc = "";
  private int priority = 0;

  private TaskDraftBuilder() {}

  public static TaskDraftBuilder aTask() {
    return new TaskDraftBuilder();
  }

  public TaskDraftBuilder titled(String newTitle) {
    this.title = newTitle;
    return this;
  }

  public TaskDraftBuilder describedAs(String newShortdesc) {
    this.shortdesc = newShortdesc;
    return this;
  }

  public TaskDraftBuilder withPriority(int newPriority) {
    this.priority = newPriority;
    return this;
  }

  public TaskDraft build() {
    return new TaskDraft(title, shortdesc, priority);
  }

  /** The task as another program may have stored it under {@code id}. */
  public Task storedAs(long id) {
    return new Task(id, title, shortdesc, priority);
  }
}
