/**
 * One class per thing a user can do with tasks, each built on a
 * {@link dev.taskmanager.core.port.TaskStore}. Use cases are stateless and safe to share between
 * threads; they throw only {@link dev.taskmanager.core.model.TaskException}s.
 */
package dev.taskmanager.core.usecase;
