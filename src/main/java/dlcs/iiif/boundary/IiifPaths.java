package dlcs.iiif.boundary;

import dlcs.iiif.entity.ApiVersion;
import dlcs.iiif.entity.ImageRequest;
import dlcs.iiif.entity.InvalidIiifRequestException;
import dlcs.common.UnknownResourceException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A delivery path taken apart: {@code [v2|v3/]{customer}/{space}/{id}} followed by nothing (the
 * base URI), {@code info.json}, or the four image request parameters. Each segment is
 * percent-decoded on its own, so an identifier with {@code %2F} stays one segment. Any other
 * number of segments is 404: no image is named there.
 */
record IiifPaths(ApiVersion explicitVersion, String customer, String space, String id, Kind kind,
                 List<String> parameters) {

    enum Kind { BASE, INFO, IMAGE }

    static IiifPaths parse(HttpServletRequest request) {
        List<String> segments = segments(request);
        ApiVersion version = null;
        if (!segments.isEmpty()) {
            ApiVersion named = ApiVersion.fromSegment(segments.get(0));
            int rest = segments.size() - 1;
            // "v2" could also be a customer's name: the number of segments tells them apart
            boolean versioned = named != null && (rest == 3 && !segments.get(3).equals("info.json")
                    || rest == 4 && segments.get(4).equals("info.json") || rest == 7);
            if (versioned) {
                version = named;
                segments = segments.subList(1, segments.size());
            }
        }
        if (segments.size() == 3) {
            return new IiifPaths(version, segments.get(0), segments.get(1), segments.get(2), Kind.BASE, List.of());
        }
        if (segments.size() == 4 && segments.get(3).equals("info.json")) {
            return new IiifPaths(version, segments.get(0), segments.get(1), segments.get(2), Kind.INFO, List.of());
        }
        if (segments.size() == 7) {
            return new IiifPaths(version, segments.get(0), segments.get(1), segments.get(2), Kind.IMAGE,
                    List.copyOf(segments.subList(3, 7)));
        }
        // too few segments name no image; too many may be an identifier with an unescaped /
        throw new UnknownResourceException("No image at this path: image services are"
                + " {customer}/{space}/{id}/info.json and {customer}/{space}/{id}/{region}/{size}/{rotation}/"
                + "{quality}.{format} (optionally after v2/ or v3/), and a / inside an identifier must be"
                + " escaped as %2F.");
    }

    /** The version asked for, or the configured canonical one. */
    ApiVersion version(ApiVersion canonical) {
        return explicitVersion != null ? explicitVersion : canonical;
    }

    /** The four image request parameters, parsed for {@code version}. */
    ImageRequest imageRequest(ApiVersion version) {
        return ImageRequest.parse(version, parameters.get(0), parameters.get(1), parameters.get(2), parameters.get(3));
    }

    /** The service's path under the servlet, as asked (with its version segment, if any), encoded. */
    String servicePath() {
        return (explicitVersion != null ? "/v" + explicitVersion.number() : "") + "/" + encode(customer) + "/"
                + encode(space) + "/" + encode(id);
    }

    static List<String> segments(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String prefix = request.getContextPath() + request.getServletPath();
        String rest = uri.startsWith(prefix) ? uri.substring(prefix.length()) : uri;
        List<String> segments = new ArrayList<>();
        for (String raw : rest.split("/")) {
            if (!raw.isEmpty()) {
                segments.add(decode(raw));
            }
        }
        return segments;
    }

    static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new InvalidIiifRequestException("Bad percent-encoding in '" + raw + "'.");
                }
                int value = Character.digit(raw.charAt(i + 1), 16) << 4 | Character.digit(raw.charAt(i + 2), 16);
                if (value < 0) {
                    throw new InvalidIiifRequestException("Bad percent-encoding in '" + raw + "'.");
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
    static String encode(String segment) {
        StringBuilder out = new StringBuilder();
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
