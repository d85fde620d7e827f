/**
 * The app's figures for Prometheus (Micrometer): HTTP requests by route, store operations, the
 * number of tasks, the JVM and the process, served at {@code /metrics} to the clients allowed to
 * read them.
 */
package dev.taskmanager.web.metrics;
