package dlcs.ingest.control;

/** A transient failure of one member: roll back, and let the broker redeliver after its back-off. */
public class RetryableIngestException extends RuntimeException {

    public RetryableIngestException(String message) {
        super(message);
    }
}
