/**
 * Which tasks a listing shows and in which order: the query language ({@link
 * dev.taskmanager.core.query.SearchParser}), the filter it yields ({@link
 * dev.taskmanager.core.query.TaskFilter}), and a page of a listing ({@link
 * dev.taskmanager.core.query.PageRequest}, {@link dev.taskmanager.core.query.TaskPage}).
 */
package dev.taskmanager.core.query;
