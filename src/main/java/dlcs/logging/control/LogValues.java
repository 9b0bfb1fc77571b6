package dlcs.logging.control;

import java.nio.charset.StandardCharsets;

/**
 * A value a client chose (a path, an image id, a method), made into one {@code key=value} token
 * that cannot forge or break a log line: every character outside printable ASCII, and the space,
 * {@code "} and {@code \}, percent-encoded as the UTF-8 bytes of a URL are; at most a bounded
 * number of characters, then {@code ...}.
 */
public final class LogValues {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private LogValues() {
    }

    /** {@code value} as a token ({@code -} when null or empty). */
    public static String token(String value, int max) {
        StringBuilder out = new StringBuilder(value == null ? 1 : Math.min(value.length(), max) + 8);
        appendToken(out, value, max);
        return out.toString();
    }

    /** Appends {@code value} as a token to {@code out}, without any other allocation when it is plain ASCII. */
    public static void appendToken(StringBuilder out, String value, int max) {
        if (value == null || value.isEmpty()) {
            out.append('-');
            return;
        }
        int end = Math.min(value.length(), max);
        int plain = 0;
        while (plain < end && isPlain(value.charAt(plain))) {
            plain++;
        }
        // the usual value is plain ASCII: appended at once, not a character at a time
        out.append(value, 0, plain);
        for (int i = plain; i < end; i++) {
            char c = value.charAt(i);
            if (isPlain(c)) {
                out.append(c);
            } else if (c < 0x80) {
                percent(out, c);
            } else {
                int codePoint = value.codePointAt(i);
                for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                    percent(out, b & 0xff);
                }
                i += Character.charCount(codePoint) - 1;
            }
        }
        if (value.length() > max) {
            out.append("...");
        }
    }

    private static boolean isPlain(char c) {
        return c > ' ' && c < 0x7f && c != '"' && c != '\\';
    }

    private static void percent(StringBuilder out, int b) {
        out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xf]);
    }
}
