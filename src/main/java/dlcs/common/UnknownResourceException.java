package dlcs.common;

/** A customer, space, key or image that does not exist (or that the caller may not know of). */
public class UnknownResourceException extends ClientError {

    public UnknownResourceException(String message) {
        super(404, "Not found", message);
    }
}
