/**
 * Tasks and the values around them: what a task is ({@link dev.taskmanager.core.model.Task}), what
 * a person may give to create or change one ({@link dev.taskmanager.core.model.TaskDraft},
 * {@link dev.taskmanager.core.model.TaskPatch}, {@link dev.taskmanager.core.model.TaskInput}), the
 * rules they obey ({@link dev.taskmanager.core.model.TaskRules}), and the errors the core reports,
 * all under {@link dev.taskmanager.core.model.TaskException}.
 *
 * <p>Every value is immutable and safe to share between threads.
 */
package dev.taskmanager.core.model;
