/**
 * {@link dev.taskmanager.mongo.doctor.MongoStoreDoctor}: checks a database for what the tutorial
 * app's racy sequence leaves behind (shared ids, a sequence behind the ids, a missing index, stray
 * settings) and repairs it after showing its plan. Works where the store refuses to open.
 */
package dev.taskmanager.mongo.doctor;
