/**
 * Where the tasks are kept, as Guice modules: {@link dev.taskmanager.mongo.wiring.StoreModules}
 * picks a MongoDB given by URI or the embedded server ({@link
 * dev.taskmanager.mongo.wiring.EmbeddedServer}) from {@link dev.taskmanager.mongo.wiring.StoreSettings},
 * and binds the adapter's store, the doctor and the {@link
 * dev.taskmanager.mongo.wiring.StoreLifecycle} that closes them. The only package that knows both the
 * adapter and the embedded server.
 *
 * <p>It also owns the store's four settings for every program: {@link
 * dev.taskmanager.mongo.wiring.StoreConfiguration} holds their rules, {@link
 * dev.taskmanager.mongo.wiring.StoreOptions} is the picocli mixin the web app and the CLI both parse
 * them with, and {@link dev.taskmanager.mongo.wiring.EnvironmentDefaults} reads their variables.
 */
package dev.taskmanager.mongo.wiring;
