/**
 * Backups of a running server: {@code POST /backups} (administrators only) writes a copy of the
 * data directory that a server can start from, into {@code dlcs.backup.directory} (by default
 * {@code backups/} in the data directory), never anywhere the server serves from. The order is
 * what makes the copy consistent: the database first (H2's own online {@code BACKUP}), then the
 * derivatives, as hard links where they share a file system (versions are never rewritten), with
 * deletions held in between ({@link dlcs.storage.control.DeletionHold}) so that every version the
 * database copy names is still there to be linked; then the keys the database is useless without.
 * The broker's journal and the transaction log are left out: the database is the record, and the
 * members it shows waiting are sent again after a restore (dlcs.ingest's lost-journal check).
 */
package dlcs.backup;
