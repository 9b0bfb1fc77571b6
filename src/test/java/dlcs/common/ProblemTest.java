package dlcs.common;

import dlcs.registration.control.IngestFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.hydra.BodyTooLargeException;
import dlcs.iiif.control.ImageNotAvailableException;
import dlcs.iiif.control.RenderUnavailableException;
import dlcs.iiif.control.RestrictedImageException;
import dlcs.iiif.entity.InvalidIiifRequestException;
import dlcs.iiif.entity.UnsupportedIiifRequestException;
import dlcs.imaging.control.ImageTooLargeException;
import dlcs.imaging.control.UnreadableImageException;
import dlcs.ingest.control.RetryableIngestException;
import dlcs.origin.control.OriginException;
import dlcs.origin.control.OriginException.Fault;
import dlcs.registration.control.UploadTooLargeException;
import dlcs.security.control.AccessDeniedException;
import dlcs.security.control.NotAuthenticatedException;
import dlcs.security.control.SignInThrottledException;
import dlcs.usage.control.QuotaExceededException;
import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The one table from exceptions to what a client is told, row by row. */
class ProblemTest {

    static Stream<Arguments> rows() {
        return Stream.of(
                row(new InvalidInputException("bad"), 400, "Invalid request", false),
                row(new UnknownResourceException("none"), 404, "Not found", false),
                row(new ConflictException("taken"), 409, "Conflict", false),
                row(new NotAuthenticatedException("who"), 401, "Authentication required", false),
                row(new AccessDeniedException("no"), 403, "Forbidden", false),
                row(new SignInThrottledException(Duration.ofMillis(1500)), 429, "Too many failed sign-ins", true),
                row(new UnreadableImageException("not an image"), 400, "Not a readable image", false),
                row(new ImageTooLargeException("huge"), 400, "Image too large", false),
                row(new UploadTooLargeException("big upload"), 413, "Upload too large", false),
                row(new BodyTooLargeException("big json"), 413, "Request body too large", false),
                row(new OriginException(Fault.REFUSED, "loopback"), 400, "Origin refused", false),
                row(new OriginException(Fault.NOT_FOUND, "404"), 400, "Origin failed", false),
                row(new OriginException(Fault.TOO_LARGE, "big origin"), 400, "Origin too large", false),
                row(new OriginException(Fault.UNAVAILABLE, "503"), 502, "Origin unavailable", true),
                row(new OriginException(Fault.TIMEOUT, "slow"), 504, "Origin timed out", true),
                row(new InvalidIiifRequestException("bad size"), 400, "Invalid IIIF request", false),
                row(new ImageNotAvailableException("ingesting"), 404, "Not available", false),
                row(new UnsupportedIiifRequestException("webp"), 501, "Not implemented", false),
                row(new RetryableIngestException(IngestFailure.CONFLICT, "again"), 503, "Service unavailable", true),
                row(new RenderUnavailableException("busy", 7), 503, "Service unavailable", true),
                row(new RestrictedImageException("roles"), 401, "Restricted image", false),
                row(new QuotaExceededException("over the policy"), 507, "Insufficient storage", false));
    }

    private static Arguments row(ClientError error, int status, String title, boolean transientFailure) {
        return Arguments.of(error, status, title, transientFailure);
    }

    @ParameterizedTest(name = "{0} is {1} {2}")
    @MethodSource("rows")
    void eachClientErrorIsToldAsItsStatusTitleAndMessage(ClientError error, int status, String title,
                                                          boolean transientFailure) {
        Problem problem = Problem.of(error);
        assertEquals(status, problem.status());
        assertEquals(title, problem.title());
        assertEquals(error.getMessage(), problem.detail());
        assertEquals(transientFailure, error.isTransient());
        assertEquals(error.headers(), problem.headers());
    }

    @Test
    void aThrottledSignInSaysWhenToTryAgainInWholeSecondsRoundedUp() {
        assertEquals(Map.of("Retry-After", "2"), Problem.of(new SignInThrottledException(Duration.ofMillis(1500))).headers());
        assertEquals(Map.of("Retry-After", "1"), Problem.of(new SignInThrottledException(Duration.ofMillis(3))).headers());
        assertEquals(Map.of(), Problem.of(new AccessDeniedException("no")).headers(), "no headers unless the error has some");
    }

    @Test
    void aBusyRendererSaysWhenToTryAgain() {
        assertEquals(Map.of("Retry-After", "7"), Problem.of(new RenderUnavailableException("busy", 7)).headers());
        assertEquals(Map.of("Retry-After", "1"), Problem.of(new RenderUnavailableException("busy", 0)).headers(),
                "at least a second");
        assertEquals(Map.of(), Problem.of(new InvalidInputException("bad")).headers());
    }

    @ParameterizedTest(name = "wrapped in {0}")
    @MethodSource("wrappers")
    void containerWrappersAreTakenOff(Throwable wrapped) {
        assertEquals(403, Problem.of(wrapped).status());
    }

    static Stream<Throwable> wrappers() {
        AccessDeniedException denied = new AccessDeniedException("no");
        return Stream.of(new EJBException(denied), new EJBException(new EJBException(denied)));
    }

    static Stream<Arguments> platformRows() {
        return Stream.of(
                Arguments.of(new OptimisticLockException("stale"), 409, "Conflict"),
                Arguments.of(new PersistenceException(new OptimisticLockException("stale")), 409, "Conflict"),
                Arguments.of(new PersistenceException(new SQLIntegrityConstraintViolationException("dup")), 409,
                        "Conflict"),
                Arguments.of(new PersistenceException(new SQLIntegrityConstraintViolationException("dup", "23505")), 409,
                        "Conflict"),
                // PostgreSQL's driver throws plain SQLExceptions that carry the SQLSTATE
                Arguments.of(new PersistenceException(new SQLException(
                        "duplicate key value violates unique constraint \"image_pkey\"", "23505")), 409, "Conflict"),
                Arguments.of(new PersistenceException(new SQLException(
                        "invalid byte sequence for encoding \"UTF8\": 0x00", "22021")), 400, "Invalid request"),
                Arguments.of(rolledBack(new OptimisticLockException("stale")), 409, "Conflict"),
                Arguments.of(new PessimisticLockException("locked"), 409, "Conflict"),
                Arguments.of(new PersistenceException(new SQLException("Deadlock detected", "40001")), 409, "Conflict"),
                Arguments.of(new PersistenceException(new SQLException("Timeout trying to lock table", "HYT00")), 409,
                        "Conflict"),
                Arguments.of(new PersistenceException(tooLong()), 400, "Invalid request"),
                Arguments.of(rolledBack(new PersistenceException(tooLong())), 400, "Invalid request"),
                Arguments.of(new RollbackException("the transaction timed out: secret detail"), 500,
                        "Internal server error"),
                Arguments.of(new PersistenceException(new SQLIntegrityConstraintViolationException(
                        "NULL not allowed for column: secret detail", "23502")), 500, "Internal server error"),
                Arguments.of(new JsonException("unexpected token"), 400, "Malformed JSON"),
                Arguments.of(new NotAllowedException("GET"), 405, "Method Not Allowed"),
                Arguments.of(new NotSupportedException(), 415, "Unsupported Media Type"),
                Arguments.of(new WebApplicationException(404), 404, "Not Found"),
                Arguments.of(new WebApplicationException("secret detail", 503), 503, "Service Unavailable"),
                Arguments.of(new IllegalStateException("secret detail"), 500, "Internal server error"),
                Arguments.of(new NullPointerException(), 500, "Internal server error"));
    }

    /** H2's error for a value longer than its column: it quotes the value, which must not be passed on. */
    private static SQLException tooLong() {
        return new SQLException("Value too long for column \"NAME CHARACTER VARYING(200)\": \"'secret detail...' (1000)\";"
                + " SQL statement: UPDATE SPACE SET NAME = ?", "22001");
    }

    private static RollbackException rolledBack(Throwable cause) {
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.initCause(cause);
        return rollback;
    }

    @Test
    void aValueTooLongForItsColumnIsTheValuesFaultAndNamesTheColumn() {
        Problem problem = Problem.of(new EJBException(rolledBack(new PersistenceException(tooLong()))));
        assertEquals(400, problem.status());
        assertTrue(problem.detail().contains("NAME, at most 200 characters"), problem.detail());
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("platformRows")
    void platformExceptionsHaveTheirStatusAndA5xxSaysNothingOfItsCause(Throwable thrown, int status, String title) {
        Problem problem = Problem.of(thrown);
        assertEquals(status, problem.status());
        assertEquals(title, problem.title());
        assertFalse(problem.detail().contains("secret"), problem.detail());
        if (status >= 500) {
            assertEquals(Problem.IN_THE_LOG, problem.detail());
        } else {
            assertTrue(problem.detail().length() > 10, problem.detail());
        }
    }
}
