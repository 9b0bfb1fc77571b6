package dlcs.common;

import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a client is told about a failure: status, title, detail, and the headers that go with it
 * (a {@link ClientError}'s {@link ClientError#headers()}). {@link #of} is the one table
 * from exceptions to statuses, read by the registration API's error mapper and by the IIIF
 * servlets alike. A 5xx that no {@link ClientError} chose says only that the error is in the log.
 * A 409 is told only for a real conflict (an optimistic lock that lost, a unique key taken by a
 * concurrent request, two requests that waited on each other's locks); a transaction that rolled
 * back for any other reason is not one.
 */
public record Problem(int status, String title, String detail, Map<String, String> headers) {

    static final String IN_THE_LOG = "The server failed to handle this request; the error is in its log.";

    public Problem {
        headers = Map.copyOf(headers);
    }

    public Problem(int status, String title, String detail) {
        this(status, title, detail, Map.of());
    }

    /** SQLSTATE of a value longer than its column (H2: "Value too long for column"). */
    private static final String DATA_TOO_LONG = "22001";
    /**
     * SQLSTATE of a character the database's encoding cannot hold: PostgreSQL refuses NUL
     * ({@code \u0000}) in text, where H2 keeps it (and finds no row by it).
     */
    private static final String NOT_IN_REPERTOIRE = "22021";
    /** SQLSTATE of a unique or primary key that another row holds. */
    private static final String UNIQUE_VIOLATION = "23505";
    /** SQLSTATEs of transactions that waited on each other (40001), or too long for a lock (H2's HYT00). */
    private static final Set<String> LOCKED_OUT = Set.of("40001", "HYT00");
    /** H2 names the column and its type: {@code column "NAME CHARACTER VARYING(200)"}. */
    private static final Pattern COLUMN = Pattern.compile("column \"([A-Za-z0-9_]+) [A-Z ]*\\((\\d+)\\)\"");

    /** The problem {@code thrown} stands for, once container wrappers are taken off. */
    public static Problem of(Throwable thrown) {
        Throwable cause = unwrap(thrown);
        if (cause instanceof ClientError error) {
            return new Problem(error.status(), error.title(), error.getMessage(), error.headers());
        }
        SQLException tooLong = inChain(cause, SQLException.class, sql -> DATA_TOO_LONG.equals(sql.getSQLState()));
        if (tooLong != null) {
            return new Problem(400, "Invalid request", tooLong(tooLong));
        }
        if (inChain(cause, SQLException.class, sql -> NOT_IN_REPERTOIRE.equals(sql.getSQLState())) != null) {
            return new Problem(400, "Invalid request", "A value holds a character that cannot be stored, such as NUL"
                    + " (%00 or \\u0000); no id, name or text may contain one. Remove it.");
        }
        if (inChain(cause, Throwable.class, Problem::isOptimisticLock) != null) {
            return new Problem(409, "Conflict",
                    "Another request changed this resource at the same time; read it again and retry.");
        }
        if (inChain(cause, PessimisticLockException.class, locked -> true) != null
                || inChain(cause, LockTimeoutException.class, locked -> true) != null
                || inChain(cause, SQLException.class,
                        sql -> sql.getSQLState() != null && LOCKED_OUT.contains(sql.getSQLState())) != null) {
            return new Problem(409, "Conflict",
                    "Another request was changing this resource at the same time; read it again and retry.");
        }
        if (inChain(cause, SQLIntegrityConstraintViolationException.class, taken -> taken.getSQLState() == null) != null
                || inChain(cause, SQLException.class, taken -> UNIQUE_VIOLATION.equals(taken.getSQLState())) != null) {
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

    /**
     * A value the rules let through but the column refused. The rules are meant to match the
     * columns, so this should not happen; if it does, it is still the value's fault, not a conflict.
     * The database's own message is not passed on (it quotes the value and the SQL).
     */
    private static String tooLong(SQLException refused) {
        Matcher column = COLUMN.matcher(String.valueOf(refused.getMessage()));
        String where = column.find() ? " (" + column.group(1) + ", at most " + column.group(2) + " characters)" : "";
        return "A value is longer than the field it is stored in allows" + where + "; shorten it.";
    }

    /** The first exception in {@code cause}'s chain that is a {@code type} and passes {@code test}, if any. */
    private static <T extends Throwable> T inChain(Throwable cause, Class<T> type, Predicate<T> test) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t) && test.test(type.cast(t))) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** JPA's OptimisticLockException, or EclipseLink's own when a commit's flush finds a stale version. */
    private static boolean isOptimisticLock(Throwable t) {
        return t.getClass().getSimpleName().equals("OptimisticLockException");
    }

    private static boolean isWrapper(Throwable t) {
        // CDI interceptors and transactions wrap the real exception.
        String name = t.getClass().getName();
        return name.equals("jakarta.transaction.TransactionalException")
                || name.endsWith("PersistenceException") && t.getCause() instanceof OptimisticLockException;
    }
}
