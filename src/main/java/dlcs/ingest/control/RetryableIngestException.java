package dlcs.ingest.control;

import dlcs.common.ClientError;
import dlcs.registration.control.IngestFailure;

/**
 * A transient failure of one member: roll back, and let the broker redeliver after its back-off.
 * No client sees it; were one to, 503 is what it would mean.
 */
public class RetryableIngestException extends ClientError {

    private final transient IngestFailure failure;

    public RetryableIngestException(IngestFailure failure, String message) {
        super(503, "Service unavailable", message);
        this.failure = failure;
    }

    /** Why, for the figures. */
    public IngestFailure failure() {
        return failure;
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
