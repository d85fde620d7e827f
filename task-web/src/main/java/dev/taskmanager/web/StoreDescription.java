package dev.taskmanager.web;

/**
 * Where the tasks are kept, for the start-up line: e.g. {@code mongodb://127.0.0.1:41234/TaskManager
 * (embedded, data)}. Never holds a password.
 */
public record StoreDescription(String text) {}
