package dlcs.origin.control;

import dlcs.common.ClientError;

/**
 * An origin could not give us the image. {@link Fault} tells whether trying again later may
 * help (the queue retries those) and which status the client sees.
 */
public class OriginException extends ClientError {

    public enum Fault {
        /** The origin is not allowed: a scheme or an address the network rules refuse. */
        REFUSED(400, "Origin refused"),
        /** The origin answered that the image is not there, or refused us (4xx). */
        NOT_FOUND(400, "Origin failed"),
        /** The origin sent more than the configured maximum. */
        TOO_LARGE(400, "Origin too large"),
        /** Connection refused, reset, or a 5xx: it may work later. */
        UNAVAILABLE(502, "Origin unavailable"),
        /** Connecting or reading took longer than allowed: it may work later. */
        TIMEOUT(504, "Origin timed out");

        private final int status;
        private final String title;

        Fault(int status, String title) {
            this.status = status;
            this.title = title;
        }

        public boolean isTransient() {
            return this == UNAVAILABLE || this == TIMEOUT;
        }
    }

    private final Fault fault;

    public OriginException(Fault fault, String message) {
        super(fault.status, fault.title, message);
        this.fault = fault;
    }

    public OriginException(Fault fault, String message, Throwable cause) {
        super(fault.status, fault.title, message, cause);
        this.fault = fault;
    }

    public Fault fault() {
        return fault;
    }

    @Override
    public boolean isTransient() {
        return fault.isTransient();
    }
}
