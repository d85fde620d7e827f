/**
 * Who may use the task manager: users with a {@link dev.taskmanager.core.account.Role}, their rules
 * ({@link dev.taskmanager.core.account.AccountRules}), the use cases that keep them
 * ({@link dev.taskmanager.core.account.Accounts}), and the two ports those need: where users are
 * kept ({@link dev.taskmanager.core.account.UserStore}) and how passwords are hashed and judged
 * ({@link dev.taskmanager.core.account.Passwords}).
 */
package dev.taskmanager.core.account;
