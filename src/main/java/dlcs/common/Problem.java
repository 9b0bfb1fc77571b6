package dlcs.common;

import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Map;

/**
 * What a client is told about a failure: status, title, detail, and the headers that go with it
 * (a {@link ClientError}'s {@link ClientError#headers()}). {@link #of} is the one table from
 * exceptions to statuses, read by the registration API's error mapper and by the IIIF servlets
 * alike. A 5xx that no {@link ClientError} chose says only that the error is in the log.
 */
public record Problem(int status, String title, String detail, Map<String, String> headers) {

    static final String IN_THE_LOG = "The server failed to handle this request; the error is in its log.";

    public Problem {
        headers = Map.copyOf(headers);
    }

    public Problem(int status, String title, String detail) {
        this(status, title, detail, Map.of());
    }

    /** The problem {@code thrown} stands for, once container wrappers are taken off. */
    public static Problem of(Throwable thrown) {
        Throwable cause = unwrap(thrown);
        if (cause instanceof ClientError error) {
            return new Problem(error.status(), error.title(), error.getMessage(), error.headers());
        }
        if (cause instanceof OptimisticLockException || cause instanceof RollbackException) {
            return new Problem(409, "Conflict",
                    "Another request changed this resource at the same time; read it again and retry.");
        }
        if (isConstraintViolation(cause)) {
            return new Problem(409, "Conflict",
                    "Another request created or changed the same resource at the same time; read it again and retry.");
        }
        if (cause instanceof JsonException) {
            return new Problem(400, "Malformed JSON", "The request body is not valid JSON: " + cause.getMessage());
        }
        if (cause instanceof WebApplicationException web) {
            return fromJaxRs(web);
        }
        return new Problem(500, "Internal server error", IN_THE_LOG);
    }

    /** The exception that decided the problem: {@code thrown} without EJB, CDI and JPA wrappers. */
    public static Throwable unwrap(Throwable thrown) {
        Throwable current = thrown;
        while ((current instanceof EJBException || isWrapper(current)) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static Problem fromJaxRs(WebApplicationException web) {
        int status = web.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : "Error";
        String detail = switch (status) {
            case 404 -> "There is no resource at this path.";
            case 405 -> "This method is not supported here.";
            case 406 -> "This resource answers in JSON only (Accept: application/json).";
            case 415 -> "This content type is not accepted here: send application/json"
                    + " (or, to register image bytes, multipart/form-data or image/*).";
            default -> web.getMessage() != null ? web.getMessage() : title;
        };
        return new Problem(status, title, status >= 500 ? IN_THE_LOG : detail);
    }

    private static boolean isConstraintViolation(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
            if (t == t.getCause()) {
                break;
            }
        }
        return false;
    }

    private static boolean isWrapper(Throwable t) {
        // CDI interceptors and transactions wrap the real exception.
        String name = t.getClass().getName();
        return name.equals("jakarta.transaction.TransactionalException")
                || name.endsWith("PersistenceException") && t.getCause() instanceof OptimisticLockException;
    }
}
