/**
 * The MongoDB adapter: {@link dev.taskmanager.mongo.adapter.MongoTaskStore}, the core's {@code
 * TaskStore} on the MongoDB Java Driver in the Flask tutorial app's data format. The same code serves
 * a real MongoDB and the embedded server; it reaches neither by anything but a driver database.
 *
 * <p>{@link dev.taskmanager.mongo.adapter.TaskDocuments} and {@link
 * dev.taskmanager.mongo.adapter.IdSequence} own the data format; every failure of the driver
 * surfaces through {@link dev.taskmanager.mongo.adapter.MongoFailures} as the core's {@code
 * TaskStoreException}, with a message meant for one line of an operator's log.
 */
package dev.taskmanager.mongo.adapter;
