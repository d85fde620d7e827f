/**
 * Who may use the task manager: users with a {@link dev.taskmanager.core.account.Role}, their rules
 * ({@link dev.taskmanager.core.account.AccountRules}), the use cases that keep them
 * ({@link dev.taskmanager.core.account.Accounts}) and their API tokens
 * ({@link dev.taskmanager.core.account.Tokens}), and the ports those need: where users and tokens
 * are kept ({@link dev.taskmanager.core.account.UserStore}, {@link
 * dev.taskmanager.core.account.TokenStore}) and how passwords are hashed and judged
 * ({@link dev.taskmanager.core.account.Passwords}).
 */
package dev.taskmanager.core.account;
