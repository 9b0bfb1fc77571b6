package dlcs.ingest.control;

/**
 * How one attempt at a queued member ended: completed, failed for good, to be retried (each with
 * its {@link IngestFailure}), or nothing to do (the member had ended, or another registration or
 * a deletion had taken its image).
 */
public record IngestOutcome(Ending ending, IngestFailure failure) {

    public enum Ending { COMPLETED, FAILED, RETRIED, NOTHING }

    public static final IngestOutcome COMPLETED = new IngestOutcome(Ending.COMPLETED, null);
    public static final IngestOutcome NOTHING = new IngestOutcome(Ending.NOTHING, null);

    public static IngestOutcome failed(IngestFailure failure) {
        return new IngestOutcome(Ending.FAILED, failure);
    }

    public static IngestOutcome retried(IngestFailure failure) {
        return new IngestOutcome(Ending.RETRIED, failure);
    }
}
