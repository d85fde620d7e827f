package dev.taskmanager.web;

import java.nio.file.Path;

/**
 * Where the app serves the {@code task} command line (a socket in its data directory, see
 * dev.taskmanager.cli.socket): bound only when the store is the embedded server the app runs on
 * that directory, the one the command line would otherwise open itself.
 */
record ServedCommandLine(Path dataDirectory, String database) {}
