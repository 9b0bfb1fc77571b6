package dlcs.registration.control;

/**
 * Fired (synchronously, inside the transaction that makes it) when an image's metadata is set:
 * a registration, a queued registration or a PATCH. What is kept of the image elsewhere (what
 * delivery knows of its roles, say) is stale once that transaction commits; those who keep it
 * observe this after success.
 */
public record ImageChanged(long customer, int space, String imageId) {
}
