package dlcs.origin.control;

/**
 * An origin could not give us the image. {@link Fault} tells whether trying again later may
 * help (the queue retries those) and, at the boundary, which status the client sees.
 */
public class OriginException extends RuntimeException {

    public enum Fault {
        /** The origin is not allowed: a scheme or an address the network rules refuse. */
        REFUSED,
        /** The origin answered that the image is not there, or refused us (4xx). */
        NOT_FOUND,
        /** The origin sent more than the configured maximum. */
        TOO_LARGE,
        /** Connection refused, reset, or a 5xx: it may work later. */
        UNAVAILABLE,
        /** Connecting or reading took longer than allowed: it may work later. */
        TIMEOUT;

        public boolean isTransient() {
            return this == UNAVAILABLE || this == TIMEOUT;
        }
    }

    private final Fault fault;

    public OriginException(Fault fault, String message) {
        super(message);
        this.fault = fault;
    }

    public OriginException(Fault fault, String message, Throwable cause) {
        super(message, cause);
        this.fault = fault;
    }

    public Fault fault() {
        return fault;
    }
}
