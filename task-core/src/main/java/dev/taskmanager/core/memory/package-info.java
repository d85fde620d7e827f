/** A {@link dev.taskmanager.core.port.TaskStore} held in memory, for embedding and tests. */
package dev.taskmanager.core.memory;
