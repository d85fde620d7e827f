package dev.taskmanager.embeddedmongo.storage;

import de.bwaldvogel.mongo.bson.Document;

/** What a write command's write concern asks of durability, in MongoDB's terms. */
final class WriteConcerns {

  private WriteConcerns() {}

  /**
   * Whether the command is to be answered only once it is on disk: unless its write concern says
   * {@code j: false} or {@code w: 0}. A command that says nothing gets the server's default, which
   * here is to journal: an acknowledged write survives the process being killed.
   */
  static boolean waitsForDisk(Document command) {
    if (!(command.get("writeConcern") instanceof Document concern)) {
      return true;
    }
    if (Boolean.FALSE.equals(concern.get("j"))) {
      return false;
    }
    return !(concern.get("w") instanceof Number w && w.intValue() == 0);
  }
}
