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
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Prepares the registration API's requests for JAX-RS, which would otherwise fail on things that
 * are the client's to fix. Mapped to the JAX-RS servlet only (named after the application class),
 * so that the IIIF servlets, the hot path, pass through no filter.
 *
 * <p>The URI. The HTTP listener lets characters such as {@code ^} through unescaped (IIIF sizes
 * need it: server-config/dlcs.cli), and Undertow then gives servlets the request's path and query
 * string already percent-decoded. RESTEasy builds the request's URI from those strings: a space, a
 * quote or a brace in any query parameter (a catalogue id such as "MS 42", an unknown parameter)
 * made the listings answer 500, an escaped {@code &}, {@code =} or {@code +} changed what the
 * parameters said, and an escaped {@code ?} in the path ended the path there. JAX-RS is given
 * them encoded again: the query from the parameters Undertow parsed from the raw one, the path
 * from its decoded text (where only {@code %2F} and {@code %5C} were left escaped).
 *
 * <p>Headers. A Content-Type or Accept that is not a media type (or a {@code q} that is not a
 * number, or an empty element in the list), or a multipart type without its boundary, answered a
 * bare HTML 400 or a 500; it is a Hydra 400 naming the header.
 */
@WebFilter(filterName = "api-requests", servletNames = "dlcs.DlcsApplication")
public class ApiRequestFilter extends HttpFilter {

    private static final String UNRESERVED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~";
    /** Characters that stand for themselves in a URI's query (RFC 3986): everything else is escaped. */
    private static final String QUERY_CHARACTERS = UNRESERVED + "!$&'()*+,;=:@/?";
    /** The same in a path, without ; (JAX-RS would take what follows it as matrix parameters). */
    private static final String PATH_CHARACTERS = UNRESERVED + "!$&'()*+,=:@/";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String unreadable = unreadableHeader(request);
        if (unreadable != null) {
            response.setStatus(400);
            response.setContentType(MediaType.APPLICATION_JSON + ";charset=UTF-8");
            response.getWriter().write(Hydra.error(400, "Invalid request", unreadable, request.getRequestURI())
                    .toString());
            return;
        }
        String query = request.getQueryString();
        chain.doFilter(new Encoded(request, encodedPath(request.getRequestURI()),
                query == null ? null : encoded(request, query)), response);
    }

    /**
     * The request's path, which the container decoded except for {@code %2F} and {@code %5C}
     * (encoded slashes stay inside their segment), escaped again where a URI's path needs it.
     */
    static String encodedPath(String decoded) {
        StringBuilder out = new StringBuilder(decoded.length() + 16);
        int i = 0;
        while (i < decoded.length()) {
            if (decoded.regionMatches(true, i, "%2F", 0, 3) || decoded.regionMatches(true, i, "%5C", 0, 3)) {
                out.append(decoded, i, i + 3);
                i += 3;
                continue;
            }
            int c = decoded.codePointAt(i);
            escape(out, c, PATH_CHARACTERS);
            i += Character.charCount(c);
        }
        return out.toString();
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
        query.codePoints().forEach(c -> escape(out, c, QUERY_CHARACTERS));
        return out.toString();
    }

    /** Appends code point {@code c}: as it is if it is one of {@code allowed}, else percent-encoded in UTF-8. */
    private static void escape(StringBuilder out, int c, String allowed) {
        if (c < 128 && allowed.indexOf(c) >= 0) {
            out.append((char) c);
            return;
        }
        for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
            out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
        }
    }

    /** Why the Content-Type or an Accept header cannot be read, or null if they can. */
    static String unreadableHeader(HttpServletRequest request) {
        String type = request.getContentType();
        if (type != null && !isMediaType(type)) {
            return "The Content-Type header '" + shown(type) + "' is not a media type: send application/json"
                    + " (or, to register image bytes, multipart/form-data or image/*).";
        }
        MediaType parsed = type == null ? null : MediaType.valueOf(type.trim());
        if (parsed != null && (parsed.isWildcardType() || parsed.isWildcardSubtype())) {
            return "The Content-Type header '" + shown(type) + "' names no one type: send application/json"
                    + " (or, to register image bytes, multipart/form-data or the image's own type, such as image/jpeg).";
        }
        if (parsed != null && parsed.getType().equalsIgnoreCase("multipart")
                && parsed.getParameters().getOrDefault("boundary", "").isBlank()) {
            return "The Content-Type header '" + shown(type) + "' has no boundary: a multipart body needs one"
                    + " (multipart/form-data; boundary=...), which HTTP clients add when they build the body.";
        }
        for (String accept : Collections.list(request.getHeaders("Accept"))) {
            for (String range : accept.split(",", -1)) {
                if (!isMediaType(range)) {
                    return "The Accept header '" + shown(accept) + "' is not a list of media types, each with an"
                            + " optional q from 0 to 1: send Accept: application/json, or leave it out.";
                }
            }
        }
        for (String name : List.of("Accept-Language", "Accept-Encoding", "Accept-Charset")) {
            for (String header : Collections.list(request.getHeaders(name))) {
                for (String element : header.split(",")) {
                    String[] parameters = element.split(";");
                    for (int i = 1; i < parameters.length; i++) {
                        String[] parameter = parameters[i].split("=", 2);
                        if (parameter[0].trim().equalsIgnoreCase("q") && !isWeight(parameter.length < 2 ? "" : parameter[1])) {
                            return "The " + name + " header '" + shown(header) + "' has a q that is not a number from"
                                    + " 0 to 1; leave the header out if in doubt.";
                        }
                    }
                }
            }
        }
        return null;
    }

    private static boolean isWeight(String q) {
        try {
            float weight = Float.parseFloat(q.trim().replace("\"", ""));
            return weight >= 0 && weight <= 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isMediaType(String text) {
        if (text.isBlank()) {
            return false;
        }
        try {
            MediaType type = MediaType.valueOf(text.trim());
            String q = type.getParameters().get("q");
            return q == null || isWeight(q);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String shown(String header) {
        String printable = header.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 200 ? printable.substring(0, 197) + "..." : printable;
    }

    /** The request with its path and query string as JAX-RS needs them. */
    private static final class Encoded extends HttpServletRequestWrapper {

        private final String path;
        private final String query;

        Encoded(HttpServletRequest request, String path, String query) {
            super(request);
            this.path = path;
            this.query = query;
        }

        @Override
        public String getRequestURI() {
            return path;
        }

        @Override
        public StringBuffer getRequestURL() {
            String url = super.getRequestURL().toString();
            String decoded = super.getRequestURI();
            return new StringBuffer(url.endsWith(decoded) ? url.substring(0, url.length() - decoded.length()) : url)
                    .append(path);
        }

        @Override
        public String getQueryString() {
            return query == null || query.isEmpty() ? null : query;
        }
    }
}
