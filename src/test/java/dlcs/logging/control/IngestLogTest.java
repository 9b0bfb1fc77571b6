package dlcs.logging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** The ingest line: every key, in order, and of the origin only its scheme. */
class IngestLogTest {

    @Test
    void aCompletedQueuedAttempt() {
        assertEquals("customer=2 space=1 id=page-1 origin=https bytes=369344 ms=842 batch=17 outcome=completed reason=-",
                IngestLog.line(2, 1, "page-1", "https://masters.example.org/page-1.tif?sig=abc", 17L, 842,
                        IngestLog.COMPLETED, null, 369344));
    }

    @Test
    void aFailedImmediateRegistrationNamesTheClassOfFailureButNotTheOrigin() {
        String line = IngestLog.line(3, 4, "x", "sftp://10.1.2.3/secret/x.jpg", null, 12, IngestLog.ERROR,
                "origin_unavailable", 0);
        assertEquals("customer=3 space=4 id=x origin=sftp bytes=0 ms=12 batch=- outcome=error reason=origin_unavailable",
                line);
    }

    @Test
    void theOriginIsOneOfTheFetchedSchemesOrAWordThatSaysNeither() {
        assertEquals("upload", IngestLog.scheme(null));
        assertEquals("s3", IngestLog.scheme("S3://bucket/key"));
        assertEquals("ftps", IngestLog.scheme(" ftps://host/a"));
        // what comes before the colon of a malformed origin may be a user name
        assertEquals("other", IngestLog.scheme("reader:pa55word@example.org/a.jpg"));
        assertEquals("other", IngestLog.scheme("file:///etc/passwd"));
        assertEquals("other", IngestLog.scheme("no-scheme"));
    }

    @Test
    void anIdCannotBreakTheLine() {
        String line = IngestLog.line(1, 1, "a b\nc=d", null, null, 0, IngestLog.SUPERSEDED, null, 0);
        assertFalse(line.contains("\n"), line);
        assertEquals("customer=1 space=1 id=a%20b%0Ac=d origin=upload bytes=0 ms=0 batch=- outcome=superseded reason=-",
                line);
    }
}
