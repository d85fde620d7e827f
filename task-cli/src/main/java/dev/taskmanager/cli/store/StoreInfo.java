package dev.taskmanager.cli.store;

/**
 * Which store a command works on, for {@code task --version} and {@code task stats}.
 *
 * @param description one line, e.g. {@code in-memory (temporary)}; never a password
 */
public record StoreInfo(String description) {}
