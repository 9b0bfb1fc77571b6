/**
 * The data directory, and the derivative store: a directory (local or shared by several nodes)
 * or an S3-compatible bucket, behind one {@link dlcs.storage.control.DerivativeStore}. Each
 * ingest writes a new version; the database row says which version serves, so switching is
 * atomic and a failed ingest never touches the serving files. Reads from a bucket are byte
 * ranges, kept in a bounded cache of the node, in memory and on disk.
 */
package dlcs.storage;
