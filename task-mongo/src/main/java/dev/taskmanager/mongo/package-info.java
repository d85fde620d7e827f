/**
 * The MongoDB adapter: {@link dev.taskmanager.mongo.MongoTaskStore}, the core's {@code TaskStore} on
 * the MongoDB Java Driver in the Flask tutorial app's data format; {@link
 * dev.taskmanager.mongo.EmbeddedMongo}, the durable in-process MongoDB-wire server used when no
 * MongoDB is configured; and {@link dev.taskmanager.mongo.StoreModules}, which picks one of them
 * from {@link dev.taskmanager.mongo.StoreSettings} as a Guice module.
 *
 * <p>Everything else in the package is package-private. Every failure surfaces as the core's
 * {@code TaskStoreException}, with a message meant for one line of an operator's log.
 */
package dev.taskmanager.mongo;
