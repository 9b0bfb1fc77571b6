package dlcs.ingest.control;

import dlcs.common.ClientError;

/**
 * A transient failure of one member: roll back, and let the broker redeliver after its back-off.
 * No client sees it; were one to, 503 is what it would mean.
 */
public class RetryableIngestException extends ClientError {

    public RetryableIngestException(String message) {
        super(503, "Service unavailable", message);
    }

    /** {@code cause}: what failed, whose class the ingest log names. */
    public RetryableIngestException(String message, Throwable cause) {
        super(503, "Service unavailable", message, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
