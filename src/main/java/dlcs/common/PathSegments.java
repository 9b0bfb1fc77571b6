package dlcs.common;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The segments of a path under a servlet, for the public paths that carry identifiers and
 * parameters ({@code /iiif-img}, {@code /thumbs}, {@code /iiif-manifest}, {@code /iiif-resource}).
 * The container hands servlets the path decoded except for {@code %2F} and {@code %5C}, so each
 * segment is percent-decoded on its own: an escaped {@code /} stays inside its segment. One way
 * to take such paths apart and to put identifiers back into URLs.
 */
public final class PathSegments {

    private PathSegments() {
    }

    /** The non-empty segments after the servlet's path, each percent-decoded; 400 for a bad escape. */
    public static List<String> of(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String prefix = request.getContextPath() + request.getServletPath();
        return of(uri.startsWith(prefix) ? uri.substring(prefix.length()) : uri);
    }

    /** The non-empty segments of {@code rest}, a path as the container decoded it, each percent-decoded; 400 for a bad escape. */
    public static List<String> of(String rest) {
        List<String> segments = new ArrayList<>();
        for (String raw : rest.split("/")) {
            if (!raw.isEmpty()) {
                segments.add(decode(raw));
            }
        }
        return segments;
    }

    /** {@code raw} with its percent-escapes decoded as UTF-8; 400 for a malformed escape. */
    public static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new InvalidInputException("Bad percent-encoding in '" + raw + "'.");
                }
                int value = Character.digit(raw.charAt(i + 1), 16) << 4 | Character.digit(raw.charAt(i + 2), 16);
                if (value < 0) {
                    throw new InvalidInputException("Bad percent-encoding in '" + raw + "'.");
                }
                bytes.write(value);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Percent-encodes everything but unreserved characters, so that a / in an identifier stays inside it. */
    public static String encode(String segment) {
        StringBuilder out = new StringBuilder(segment.length() + 8);
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }
}
