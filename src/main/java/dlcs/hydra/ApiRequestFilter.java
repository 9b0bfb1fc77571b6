package dlcs.hydra;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Prepares the registration API's requests (those that reach the JAX-RS servlet, mapped to
 * {@code /*}) for JAX-RS, which would otherwise fail on two things that are the client's to fix.
 *
 * <p>The query string. The HTTP listener lets characters such as {@code ^} through unescaped
 * (IIIF sizes need it: server-config/dlcs.cli), and Undertow then gives servlets the query string
 * already percent-decoded. RESTEasy builds the request's URI from that string: a space, a quote
 * or a brace in any parameter (a catalogue id such as "MS 42", an unknown parameter) made the
 * listings answer 500, and an escaped {@code &}, {@code =} or {@code +} changed what the
 * parameters said. JAX-RS is given the query string encoded again, from the parameters Undertow
 * parsed from the raw one.
 *
 * <p>Headers. A Content-Type or Accept that is not a media type (or a {@code q} that is not a
 * number) answered a bare HTML 400 or a 500; it is a Hydra 400 naming the header.
 */
@WebFilter(filterName = "api-requests", urlPatterns = "/*")
public class ApiRequestFilter extends HttpFilter {

    /** Characters that stand for themselves in a URI's query (RFC 3986): everything else is escaped. */
    private static final String QUERY_CHARACTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            + "-._~!$&'()*+,;=:@/?";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"/*".equals(request.getHttpServletMapping().getPattern())) {
            chain.doFilter(request, response);
            return;
        }
        String unreadable = unreadableHeader(request);
        if (unreadable != null) {
            response.setStatus(400);
            response.setContentType(MediaType.APPLICATION_JSON + ";charset=UTF-8");
            response.getWriter().write(Hydra.error(400, "Invalid request", unreadable, request.getRequestURI())
                    .toString());
            return;
        }
        String query = request.getQueryString();
        chain.doFilter(query == null ? request : new EncodedQuery(request, encoded(request, query)), response);
    }

    /** The query string as JAX-RS needs it: percent-encoded, each parameter as the client meant it. */
    static String encoded(HttpServletRequest request, String query) {
        if (hasFormBody(request)) {
            // the parameters would include (and read) the body: escape what a URI may not hold instead
            return escaped(query);
        }
        StringJoiner joined = new StringJoiner("&");
        request.getParameterMap().forEach((name, values) -> {
            for (String value : values) {
                joined.add(component(name) + "=" + component(value));
            }
        });
        return joined.toString();
    }

    private static boolean hasFormBody(HttpServletRequest request) {
        String type = request.getContentType();
        String lower = type == null ? "" : type.toLowerCase(Locale.ROOT);
        return lower.startsWith("application/x-www-form-urlencoded") || lower.startsWith("multipart/");
    }

    private static String component(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code query} (decoded text) with every character a query may not hold, and {@code %}, escaped. */
    static String escaped(String query) {
        StringBuilder out = new StringBuilder(query.length() + 16);
        query.codePoints().forEach(c -> {
            if (c < 128 && QUERY_CHARACTERS.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format("%02X", b & 0xFF));
                }
            }
        });
        return out.toString();
    }

    /** Why the Content-Type or an Accept header cannot be read, or null if they can. */
    static String unreadableHeader(HttpServletRequest request) {
        String type = request.getContentType();
        if (type != null && !isMediaType(type)) {
            return "The Content-Type header '" + shown(type) + "' is not a media type: send application/json"
                    + " (or, to register image bytes, multipart/form-data or image/*).";
        }
        for (String accept : Collections.list(request.getHeaders("Accept"))) {
            for (String range : accept.split(",")) {
                if (!range.isBlank() && !isMediaType(range)) {
                    return "The Accept header '" + shown(accept) + "' is not a list of media types, each with an"
                            + " optional q from 0 to 1: send Accept: application/json, or leave it out.";
                }
            }
        }
        return null;
    }

    private static boolean isMediaType(String text) {
        try {
            MediaType type = MediaType.valueOf(text.trim());
            String q = type.getParameters().get("q");
            if (q == null) {
                return true;
            }
            float weight = Float.parseFloat(q);
            return weight >= 0 && weight <= 1;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String shown(String header) {
        String printable = header.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 200 ? printable.substring(0, 197) + "..." : printable;
    }

    /** The request with its query string as JAX-RS needs it. */
    private static final class EncodedQuery extends HttpServletRequestWrapper {

        private final String query;

        EncodedQuery(HttpServletRequest request, String query) {
            super(request);
            this.query = query;
        }

        @Override
        public String getQueryString() {
            return query.isEmpty() ? null : query;
        }
    }
}
