package dlcs.hydra;

import dlcs.common.ClientError;
import dlcs.common.Problem;
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
 * Turns every exception that leaves a resource into a Hydra error, with the status, title and
 * detail that {@link Problem#of} gives, and with the headers it names. 4xx, and the 5xx that a
 * {@link ClientError} tells as it is (an origin down, no storage left under the customer's
 * policy), are logged at warning level without a stack trace; any other 5xx, a fault of the
 * server, with one. No stack trace ever reaches a client.
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable cause = Problem.unwrap(thrown);
        Problem problem = Problem.of(cause);
        if (problem.status() >= 500 && !(cause instanceof ClientError)) {
            LOG.log(Level.SEVERE, "Request failed: " + path(), cause);
        } else {
            LOG.log(Level.WARNING, "{0} {1}: {2}", new Object[]{problem.status(), path(), problem.detail()});
        }
        Response.ResponseBuilder response = Response.status(problem.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Hydra.error(problem.status(), problem.title(), problem.detail(), path()));
        problem.headers().forEach(response::header);
        if (problem.status() == 401 && !fromScript()) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"dlcs\"");
        }
        if (cause instanceof WebApplicationException web && web.getResponse().getHeaderString("Allow") != null) {
            response.header("Allow", web.getResponse().getHeaderString("Allow"));
        }
        return response.build();
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
