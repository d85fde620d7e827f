/**
 * The command line served by the running web app: a command typed while the app runs on the data
 * directory is sent over a Unix socket in that directory and run inside the app, on its open store,
 * so that it costs a small program's start rather than the command line's own start-up. {@link
 * dev.taskmanager.cli.socket.CommandClient} decides and sends, {@link
 * dev.taskmanager.cli.socket.CommandServer} runs the same {@link dev.taskmanager.cli.TaskCli} as the
 * command line does; {@link dev.taskmanager.cli.socket.CommandRequest} and {@link
 * dev.taskmanager.cli.socket.Replies} are what passes between them.
 */
package dev.taskmanager.cli.socket;
