/**
 * Text put into messages: how a person's value is echoed (shortened, one line, quoted), the same on
 * the page, in the API, on the command line and in the store's doctor.
 */
package dev.taskmanager.core.text;
