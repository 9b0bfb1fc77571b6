package dlcs.iiif.boundary;

import dlcs.iiif.control.ImageNotAvailableException;
import dlcs.iiif.control.ServedImage;
import dlcs.iiif.entity.InvalidIiifRequestException;
import dlcs.iiif.entity.UnsupportedIiifRequestException;
import dlcs.registration.control.UnknownResourceException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The HTTP side of delivery: CORS, content negotiation, caching headers, and the one status mapping. */
final class Responses {

    static final String CONTEXT_3 = "http://iiif.io/api/image/3/context.json";
    private static final Logger LOG = Logger.getLogger(Responses.class.getName());

    private Responses() {
    }

    static void allowCors(HttpServletResponse response) {
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
        response.setHeader("Access-Control-Allow-Headers", "*");
    }

    static void json(HttpServletRequest request, HttpServletResponse response, JsonObject document)
            throws IOException {
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("application/ld+json")) {
            response.setContentType("application/ld+json;profile=\"" + CONTEXT_3 + "\"");
        } else {
            response.setContentType("application/json");
        }
        response.setCharacterEncoding("UTF-8");
        byte[] body = document.toString().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static void cacheable(HttpServletResponse response, ServedImage image) {
        response.setDateHeader("Last-Modified", image.modified().toEpochMilli());
        response.setHeader("ETag", "\"" + image.version() + "\"");
        response.setHeader("Cache-Control", "public, max-age=86400");
    }

    static void error(HttpServletResponse response, RuntimeException e, HttpServletRequest request)
            throws IOException {
        int status = toStatus(e);
        if (status >= 500) {
            LOG.log(Level.SEVERE, "Delivery failed for " + request.getRequestURI(), e);
            error(response, status, "The server failed to render this image; the error is in its log.");
        } else {
            error(response, status, e.getMessage());
        }
    }

    static int toStatus(Throwable e) {
        if (e instanceof InvalidIiifRequestException) {
            return 400;
        }
        if (e instanceof UnknownResourceException || e instanceof ImageNotAvailableException) {
            return 404;
        }
        if (e instanceof UnsupportedIiifRequestException) {
            return 501;
        }
        return 500;
    }

    static void error(HttpServletResponse response, int status, String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        JsonObject body = Json.createObjectBuilder().add("status", status).add("detail", detail).build();
        response.getOutputStream().write(body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
