package dlcs.iiif.boundary;

import dlcs.iiif.entity.InvalidIiifRequestException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Splits a delivery path into its segments, each percent-decoded on its own (so %2F stays inside one). */
final class IiifPaths {

    private IiifPaths() {
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
}
