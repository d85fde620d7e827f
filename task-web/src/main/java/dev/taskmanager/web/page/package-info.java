/**
 * The HTML page, rendered from auto-escaping Freemarker templates: the task list, the forms with
 * post/redirect/get, the reset confirmation, and the error pages, which
 * {@link dev.taskmanager.web.page.PageErrors} chooses in one place.
 */
package dev.taskmanager.web.page;
