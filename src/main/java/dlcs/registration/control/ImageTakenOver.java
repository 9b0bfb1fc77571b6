package dlcs.registration.control;

/**
 * Fired (synchronously, inside the registering transaction) when an image that a batch was
 * holding is registered again by other means: the batch must let the member go.
 */
public record ImageTakenOver(String imageKey, long batch) {
}
