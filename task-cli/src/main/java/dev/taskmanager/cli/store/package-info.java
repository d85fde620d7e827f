/**
 * The one seam between the command line and a store: {@link dev.taskmanager.mongo.wiring.StoreOptions} (shared with the web app)
 * name it, {@link dev.taskmanager.cli.store.StoreModules} chooses its Guice module, and
 * {@link dev.taskmanager.cli.store.OpenedStore} hands a command the
 * {@link dev.taskmanager.core.port.TaskStore}, its {@link dev.taskmanager.cli.store.StoreDoctor} and
 * its description.
 */
package dev.taskmanager.cli.store;
