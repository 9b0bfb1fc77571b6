package dlcs.registration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dlcs.common.InvalidInputException;
import dlcs.imaging.control.ImageTooLargeException;
import dlcs.imaging.control.UnreadableImageException;
import dlcs.origin.control.OriginException;
import dlcs.origin.control.OriginException.Fault;
import dlcs.usage.control.QuotaExceededException;
import org.junit.jupiter.api.Test;

/** Every failure of a fetch or a derivative falls in one of a few reasons, never its message. */
class IngestFailureTest {

    @Test
    void originFaultsSplitIntoWorthRetryingAndNot() {
        assertEquals(IngestFailure.ORIGIN_UNAVAILABLE, IngestFailure.of(new OriginException(Fault.UNAVAILABLE, "x")));
        assertEquals(IngestFailure.ORIGIN_UNAVAILABLE, IngestFailure.of(new OriginException(Fault.TIMEOUT, "x")));
        assertEquals(IngestFailure.ORIGIN_REFUSED, IngestFailure.of(new OriginException(Fault.NOT_FOUND, "x")));
        assertEquals(IngestFailure.ORIGIN_REFUSED, IngestFailure.of(new OriginException(Fault.REFUSED, "x")));
        assertEquals(IngestFailure.TOO_LARGE, IngestFailure.of(new OriginException(Fault.TOO_LARGE, "x")));
    }

    @Test
    void imagesThatCannotBeMadeAndPoliciesHaveTheirOwnReasons() {
        assertEquals(IngestFailure.UNREADABLE, IngestFailure.of(new UnreadableImageException("x")));
        assertEquals(IngestFailure.TOO_LARGE, IngestFailure.of(new ImageTooLargeException("x")));
        assertEquals(IngestFailure.QUOTA, IngestFailure.of(new QuotaExceededException("x")));
        assertEquals(IngestFailure.OTHER, IngestFailure.of(new InvalidInputException("x")));
        assertEquals(IngestFailure.SERVER_ERROR, IngestFailure.of(new IllegalStateException("x")));
    }

    @Test
    void labelsAreTheNamesInLowerCase() {
        assertEquals("origin_unavailable", IngestFailure.ORIGIN_UNAVAILABLE.label());
        assertEquals("gave_up", IngestFailure.GAVE_UP.label());
    }
}
