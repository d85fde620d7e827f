/**
 * Reading and writing tasks as text for people and scripts: the table fitted to the terminal, and
 * the JSON, JSON Lines and CSV formats of export and import, with the position of every bad record.
 */
package dev.taskmanager.cli.io;
