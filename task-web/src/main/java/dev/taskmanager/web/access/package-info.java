/**
 * Who is asking, and whether they may: the signed session cookie, API tokens sent as
 * {@code Authorization: Bearer}, CSRF tokens bound to the session, and the {@link
 * dev.taskmanager.web.access.Gate} every route passes, which checks the role the route table names
 * for it. With no user defined, clients on this machine may do everything, as before accounts.
 */
package dev.taskmanager.web.access;
