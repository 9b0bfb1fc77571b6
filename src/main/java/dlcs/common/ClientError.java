package dlcs.common;

import java.util.Map;

/**
 * A failure that the client is told about as it is: its HTTP status, a short title, and a detail
 * (the message) that says what went wrong and how to fix it. Every feature's exceptions extend
 * it, so that the API's error mapper, the IIIF servlets and the ingest worker read status and
 * {@link #isTransient() transience} from the exception itself instead of each sorting exceptions
 * in its own way. A few report a 5xx: an origin that is down or too slow is not the client's
 * fault, but the client still needs to know it.
 */
public abstract class ClientError extends RuntimeException {

    private final int status;
    private final String title;

    protected ClientError(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    protected ClientError(int status, String title, String detail, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /**
     * Response headers that belong to this error, such as {@code Retry-After}: the API's error
     * mapper and the IIIF servlets send them with the error. None unless a subclass says so.
     */
    public Map<String, String> headers() {
        return Map.of();
    }

    /** Whether the same request may succeed later, unchanged: the queue retries those. */
    public boolean isTransient() {
        return false;
    }
}
