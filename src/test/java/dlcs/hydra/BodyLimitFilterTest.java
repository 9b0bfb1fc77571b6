package dlcs.hydra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** A body without a length is counted while it is read, and refused past its limit. */
class BodyLimitFilterTest {

    private static final BodyLimitFilter.Limit LIMIT = new BodyLimitFilter.Limit(10, "dlcs.api.max-json-bytes");

    @Test
    void aBodyUpToTheLimitReadsWhole() throws IOException {
        InputStream body = new BodyLimitFilter.Counted(new ByteArrayInputStream(new byte[10]), LIMIT);
        assertEquals(10, body.readAllBytes().length);
    }

    @Test
    void aBodyOverTheLimitIsRefusedOnceItsExtraByteIsRead() throws IOException {
        InputStream body = new BodyLimitFilter.Counted(new ByteArrayInputStream(new byte[11]), LIMIT);
        assertEquals(10, body.readNBytes(10).length);
        BodyTooLargeException refused = assertThrows(BodyTooLargeException.class, body::read);
        assertEquals(413, refused.status());
        assertTrue(refused.getMessage().contains("at most 10 bytes") && refused.getMessage().contains(LIMIT.key()),
                refused.getMessage());
    }
}
