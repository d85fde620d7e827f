/**
 * The {@code task} command: {@link dev.taskmanager.cli.TaskCli} is the root, one class per
 * subcommand calls the core's use cases, and {@link dev.taskmanager.cli.ErrorHandler} is the one
 * place where errors become a {@code task: …} line and an exit code ({@link
 * dev.taskmanager.cli.ExitCodes}). Results go to standard output, messages to standard error.
 */
package dev.taskmanager.cli;
