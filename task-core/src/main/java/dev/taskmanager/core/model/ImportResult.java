package dev.taskmanager.core.model;

/**
 * What an import did, or with a dry run, would do.
 *
 * @param added tasks stored under ids that were free
 * @param replaced stored tasks overwritten ({@link OnConflict#REPLACE})
 * @param skipped imported tasks left out because their id was taken ({@link OnConflict#SKIP})
 * @param dryRun whether nothing was written
 */
public record ImportResult(int added, int replaced, int skipped, boolean dryRun) {}
