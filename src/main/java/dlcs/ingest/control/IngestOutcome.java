package dlcs.ingest.control;

import dlcs.logging.control.IngestLog;
import dlcs.registration.control.IngestFailure;

/**
 * How one attempt at a queued member ended: completed, failed for good, to be retried (each with
 * its {@link IngestFailure}), or nothing to do (the member had ended, or another registration or
 * a deletion had taken its image). The figures count it ({@link IngestMeter}) and the ingest log
 * writes it ({@link IngestLog}).
 *
 * @param masterBytes the size of the master the derivative was made from; 0 when none was made
 */
public record IngestOutcome(Ending ending, IngestFailure failure, long masterBytes) {

    public enum Ending {
        COMPLETED(IngestLog.COMPLETED), FAILED(IngestLog.ERROR), RETRIED(IngestLog.RETRIED),
        NOTHING(IngestLog.SUPERSEDED);

        private final String logWord;

        Ending(String logWord) {
            this.logWord = logWord;
        }

        /** The word the ingest log writes for it. */
        public String logWord() {
            return logWord;
        }
    }

    public static final IngestOutcome NOTHING = new IngestOutcome(Ending.NOTHING, null, 0);

    public static IngestOutcome completed(long masterBytes) {
        return new IngestOutcome(Ending.COMPLETED, null, masterBytes);
    }

    public static IngestOutcome failed(IngestFailure failure) {
        return new IngestOutcome(Ending.FAILED, failure, 0);
    }

    public static IngestOutcome retried(IngestFailure failure) {
        return new IngestOutcome(Ending.RETRIED, failure, 0);
    }
}
