/**
 * Queued registration. A batch is validated whole, then stored with one persistent JSON message
 * per member in one JTA transaction ({@link dlcs.ingest.control.BatchIntake}). Message-driven
 * beans in {@code boundary} hand each message to {@link dlcs.ingest.control.IngestWorker}, which
 * records the outcome in the message's own transaction: a crash redelivers, a transient fault
 * rolls back for the broker's back-off, and batch counters move only by SQL increments so
 * concurrent workers never lose one.
 */
package dlcs.ingest;
