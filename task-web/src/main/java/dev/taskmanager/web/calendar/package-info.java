/**
 * The calendar feed: a user's open tasks with a due date as an iCalendar (RFC 5545) document that
 * calendar apps subscribe to, at a URL that carries the user's calendar token.
 */
package dev.taskmanager.web.calendar;
