/**
 * The JSON API under {@code /api/tasks} and the health endpoints. Every error is an RFC 9457
 * {@code application/problem+json} body, built in one place: {@link dev.taskmanager.web.api.Problems}.
 */
package dev.taskmanager.web.api;
