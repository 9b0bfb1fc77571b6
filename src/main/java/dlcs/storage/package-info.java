/**
 * The data directory and the derivative files in it. Each ingest writes a new version
 * directory; the database row says which version serves, so switching is atomic and a failed
 * ingest never touches the serving files.
 */
package dlcs.storage;
