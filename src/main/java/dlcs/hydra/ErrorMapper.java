package dlcs.hydra;

import dlcs.imaging.control.ImageTooLargeException;
import dlcs.imaging.control.UnreadableImageException;
import dlcs.origin.control.OriginException;
import dlcs.registration.control.ConflictException;
import dlcs.registration.control.InvalidInputException;
import dlcs.registration.control.UnknownResourceException;
import dlcs.security.control.AccessDeniedException;
import dlcs.security.control.NotAuthenticatedException;
import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where an exception becomes an HTTP answer: a Hydra error with a status, a
 * title and a detail that says what to fix. 4xx are logged at warning level without a stack
 * trace, 5xx with one; no stack trace ever reaches a client.
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    record Problem(int status, String title, String detail) {
    }

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable cause = unwrap(thrown);
        Problem problem = describe(cause);
        if (problem.status() >= 500) {
            LOG.log(Level.SEVERE, "Request failed: " + path(), cause);
        } else {
            LOG.log(Level.WARNING, "{0} {1}: {2}", new Object[]{problem.status(), path(), problem.detail()});
        }
        Response.ResponseBuilder response = Response.status(problem.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Hydra.error(problem.status(), problem.title(), problem.detail(), path()));
        if (problem.status() == 401 && !fromScript()) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"dlcs\"");
        }
        if (cause instanceof WebApplicationException web && web.getResponse().getHeaderString("Allow") != null) {
            response.header("Allow", web.getResponse().getHeaderString("Allow"));
        }
        return response.build();
    }

    static Problem describe(Throwable cause) {
        if (cause instanceof InvalidInputException) {
            return new Problem(400, "Invalid request", cause.getMessage());
        } else if (cause instanceof UnknownResourceException) {
            return new Problem(404, "Not found", cause.getMessage());
        } else if (cause instanceof ConflictException) {
            return new Problem(409, "Conflict", cause.getMessage());
        } else if (cause instanceof NotAuthenticatedException) {
            return new Problem(401, "Authentication required", cause.getMessage());
        } else if (cause instanceof AccessDeniedException) {
            return new Problem(403, "Forbidden", cause.getMessage());
        } else if (cause instanceof OptimisticLockException || cause instanceof RollbackException) {
            return new Problem(409, "Conflict",
                    "Another request changed this resource at the same time; read it again and retry.");
        } else if (isConstraintViolation(cause)) {
            return new Problem(409, "Conflict",
                    "Another request created or changed the same resource at the same time; read it again and retry.");
        } else if (cause instanceof UnreadableImageException) {
            return new Problem(400, "Not a readable image", cause.getMessage());
        } else if (cause instanceof ImageTooLargeException) {
            return new Problem(400, "Image too large", cause.getMessage());
        } else if (cause instanceof OriginException origin) {
            return switch (origin.fault()) {
                case REFUSED -> new Problem(400, "Origin refused", cause.getMessage());
                case NOT_FOUND -> new Problem(400, "Origin failed", cause.getMessage());
                case TOO_LARGE -> new Problem(400, "Origin too large", cause.getMessage());
                case UNAVAILABLE -> new Problem(502, "Origin unavailable", cause.getMessage());
                case TIMEOUT -> new Problem(504, "Origin timed out", cause.getMessage());
            };
        } else if (cause instanceof JsonException) {
            return new Problem(400, "Malformed JSON",
                    "The request body is not valid JSON: " + cause.getMessage());
        } else if (cause instanceof WebApplicationException web) {
            return fromJaxRs(web);
        }
        return new Problem(500, "Internal server error",
                "The server failed to handle this request; the error is in its log.");
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
        if (status >= 500) {
            detail = "The server failed to handle this request; the error is in its log.";
        }
        return new Problem(status, title, detail);
    }

    private static boolean isConstraintViolation(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLIntegrityConstraintViolationException) {
                return true;
            }
            if (t == t.getCause()) {
                break;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable current = thrown;
        while ((current instanceof EJBException || isWrapper(current)) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean isWrapper(Throwable t) {
        // CDI interceptors and transactions wrap the real exception.
        String name = t.getClass().getName();
        return name.equals("jakarta.transaction.TransactionalException")
                || name.endsWith("PersistenceException") && t.getCause() instanceof OptimisticLockException;
    }

    /**
     * A script's request (the portal's, marked X-Requested-With: XMLHttpRequest) gets its 401
     * without a Basic challenge, so that the browser does not open its own sign-in dialog.
     */
    private boolean fromScript() {
        return headers != null && "XMLHttpRequest".equalsIgnoreCase(headers.getHeaderString("X-Requested-With"));
    }

    private String path() {
        return uriInfo != null ? "/" + uriInfo.getPath(false).replaceFirst("^/", "") : null;
    }
}
