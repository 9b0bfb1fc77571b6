package dlcs.iiif.boundary;

import dlcs.common.Jsons;
import dlcs.common.Problem;
import dlcs.iiif.control.ServedImage;
import dlcs.iiif.entity.ApiVersion;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP side of delivery: CORS, content negotiation, caching and revalidation, and error answers.
 * Public for the other anonymous delivery paths (the manifests of {@code dlcs.presentation}), which
 * answer CORS, preflights and errors the same way.
 */
public final class Responses {

    private static final Logger LOG = Logger.getLogger(Responses.class.getName());

    private Responses() {
    }

    /**
     * CORS for any origin, and the two headers every response of the server carries (see
     * SecurityHeadersFilter): names and values, in pairs.
     */
    static final List<String> CORS = List.of("X-Content-Type-Options", "nosniff", "Referrer-Policy", "no-referrer",
            "Access-Control-Allow-Origin", "*", "Access-Control-Allow-Methods", "GET, HEAD, OPTIONS",
            "Access-Control-Allow-Headers", "*",
            "Access-Control-Expose-Headers", "Link, ETag, Last-Modified, Content-Length");

    /** The {@link #CORS} headers. */
    public static void allowCors(HttpServletResponse response) {
        for (int i = 0; i < CORS.size(); i += 2) {
            response.setHeader(CORS.get(i), CORS.get(i + 1));
        }
    }

    /** The preflight answer and the Allow header, for every delivery path. */
    public static void options(HttpServletResponse response) {
        allowCors(response);
        response.setHeader("Access-Control-Max-Age", "86400");
        response.setHeader("Allow", "GET, HEAD, OPTIONS");
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    /** An info.json: JSON-LD with its context as profile when the client asks for JSON-LD, plain JSON otherwise. */
    static void json(HttpServletRequest request, HttpServletResponse response, JsonObject document, ApiVersion version)
            throws IOException {
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("application/ld+json")) {
            response.setContentType("application/ld+json;profile=\"" + version.context() + "\"");
        } else {
            response.setContentType("application/json");
        }
        response.setHeader("Vary", "Accept");
        byte[] body = document.toString().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * The canonical URI and the compliance profile, in one {@code Link} header: clients that read
     * a single header (the IIIF validator among them) see both.
     */
    static void links(HttpServletResponse response, String canonical, String profile) {
        response.setHeader("Link", link(canonical, profile));
    }

    static String link(String canonical, String profile) {
        return "<" + canonical + ">;rel=\"canonical\", <" + profile + ">;rel=\"profile\"";
    }

    /**
     * Validators and caching for a response about {@code image}; {@code variant} tells apart the
     * documents of one version. Responses about a restricted image are for the caller alone
     * ({@code private}) and revalidated each time ({@code no-cache}): what the caller may have
     * changes with the image's roles and {@code maxUnauthorised}, without a new derivative.
     */
    static void cacheable(HttpServletResponse response, ServedImage image, String variant) {
        response.setDateHeader("Last-Modified", image.modified().toEpochMilli());
        response.setHeader("ETag", etag(image, variant));
        response.setHeader("Cache-Control", cacheControl(image));
    }

    static String cacheControl(ServedImage image) {
        return image.restriction().isOpen() ? "public, max-age=86400" : "private, no-cache";
    }

    /**
     * True, with a 304 sent, when the client's copy is current: its If-None-Match names this
     * version, or (without If-None-Match) its If-Modified-Since is not older than the image. Of a
     * restricted image only the ETag, which names its restriction, tells: a change of restriction
     * leaves the image's modification time as it was.
     */
    static boolean notModified(HttpServletRequest request, HttpServletResponse response, ServedImage image,
                               String variant) {
        String match = request.getHeader("If-None-Match");
        boolean current;
        if (match == null && !image.restriction().isOpen()) {
            current = false;
        } else if (match != null) {
            String etag = etag(image, variant);
            current = match.trim().equals("*") || java.util.Arrays.stream(match.split(","))
                    .map(String::trim).map(t -> t.startsWith("W/") ? t.substring(2) : t).anyMatch(etag::equals);
        } else {
            long since;
            try {
                since = request.getDateHeader("If-Modified-Since");
            } catch (IllegalArgumentException e) {
                since = -1;
            }
            current = since >= 0 && image.modified().toEpochMilli() / 1000 <= since / 1000;
        }
        if (current) {
            cacheable(response, image, variant);
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        }
        return current;
    }

    static String etag(ServedImage image, String variant) {
        return "\"" + image.version() + (variant.isEmpty() ? "" : "-" + variant) + image.restriction().tag() + "\"";
    }

    /** The answer to a failed delivery request: the status, detail and headers of {@link Problem#of}. */
    public static void error(HttpServletResponse response, RuntimeException e, HttpServletRequest request)
            throws IOException {
        Problem problem = Problem.of(e);
        if (problem.status() >= 500 && problem.status() != 501) {
            LOG.log(Level.SEVERE, "Delivery failed for " + request.getRequestURI(), e);
        }
        if (!response.isCommitted()) {
            problem.headers().forEach(response::setHeader);
        }
        error(response, problem.status(), problem.detail());
    }

    static void error(HttpServletResponse response, int status, String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setHeader("ETag", null);
        response.setHeader("Last-Modified", null);
        response.setHeader("Link", null);
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        byte[] body = Jsons.object().add("status", status).add("detail", detail).build().toString()
                .getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
