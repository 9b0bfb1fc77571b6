package dlcs.logging.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dlcs.common.ConflictException;
import dlcs.imaging.control.UnreadableImageException;
import dlcs.origin.control.OriginException;
import dlcs.origin.control.OriginException.Fault;
import dlcs.usage.control.QuotaExceededException;
import org.junit.jupiter.api.Test;

/** The outcome of an attempt names its failure's class, never its message. */
class IngestOutcomeTest {

    @Test
    void theReasonIsTheProblemTitleAsOneToken() {
        assertEquals("origin-timed-out", IngestOutcome.retried(new OriginException(Fault.TIMEOUT,
                "The origin https://private.example/x.jpg did not answer in time.")).reason());
        assertEquals("origin-failed", IngestOutcome.error(new OriginException(Fault.NOT_FOUND, "HTTP 404")).reason());
        assertEquals("not-a-readable-image", IngestOutcome.error(new UnreadableImageException("no")).reason());
        assertEquals("insufficient-storage", IngestOutcome.error(new QuotaExceededException("full")).reason());
        assertEquals("conflict", IngestOutcome.error(new ConflictException("taken")).reason());
    }

    @Test
    void aFailureNoClientErrorDescribesIsAnInternalServerError() {
        assertEquals("internal-server-error", IngestOutcome.retried(new IllegalStateException("s3cr3t")).reason());
    }

    @Test
    void onlyACompletedAttemptCountsTheMastersBytes() {
        assertEquals(new IngestOutcome("completed", "-", 1234), IngestOutcome.completed(1234));
        assertEquals(0, IngestOutcome.error(new ConflictException("x")).bytes());
        assertEquals(new IngestOutcome("superseded", "-", 0), IngestOutcome.superseded());
    }
}
