/**
 * The web app: {@link dev.taskmanager.web.WebApp} reads the {@link dev.taskmanager.web.Settings},
 * chooses the store module, builds the object graph with Guice and starts the
 * {@link dev.taskmanager.web.WebServer}; {@link dev.taskmanager.web.RouteTable} is the one list of
 * routes, for the page ({@code page}), the JSON API ({@code api}) and health.
 */
package dev.taskmanager.web;
