package dlcs.registration.control;

/**
 * Fired (synchronously, inside the transaction that makes it) when an image changes in a way that
 * what is kept of it elsewhere must follow: its metadata is set (a registration, a queued
 * registration, a PATCH), a new derivative version serves it (an ingest ends well), or it is
 * deleted; only for an image that has served a version, since nothing is kept of one that has
 * not. Those who keep something of the image observe this after success; those who tell other
 * nodes observe it in the transaction, so that the news leaves exactly when it commits.
 */
public record ImageChanged(long customer, int space, String imageId) {
}
