/**
 * Backups of a whole task database, taken and restored while the app serves: {@link
 * dev.taskmanager.mongo.backup.MongoBackups}. The file format is {@link
 * dev.taskmanager.mongo.backup.BackupFormat}'s; {@link dev.taskmanager.mongo.backup.BackupFile}
 * reads and checks it; {@link dev.taskmanager.mongo.backup.InterruptedRestore} finishes a restore
 * that was stopped after the point where it could only go forward.
 */
package dev.taskmanager.mongo.backup;
