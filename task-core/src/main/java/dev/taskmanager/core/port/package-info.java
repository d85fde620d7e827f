/**
 * The port the use cases call to keep tasks: {@link dev.taskmanager.core.port.TaskStore}, whose
 * Javadoc states the ID rules every store honours.
 */
package dev.taskmanager.core.port;
