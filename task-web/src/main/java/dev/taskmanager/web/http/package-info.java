/**
 * What every request passes through, whatever it asks for: request bodies read within their
 * limits, flash messages signed with the app's secret, security headers, the
 * access log, forwarded headers from trusted proxies, and static files.
 */
package dev.taskmanager.web.http;
