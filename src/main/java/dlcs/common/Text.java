package dlcs.common;

/** Text the server writes itself: an error's reason fitted to the column that keeps it, a client's value quoted in an error. */
public final class Text {

    private Text() {
    }

    /** {@code text} cut to at most {@code max} characters, ending in "..." when cut; never half a surrogate pair. */
    public static String clip(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 3;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "...";
    }

    /**
     * A value a client gave, made safe to quote in an error: control characters escaped
     * (as backslash-u and four hex digits), and at most its first 240 characters.
     */
    public static String printable(String candidate) {
        StringBuilder out = new StringBuilder();
        candidate.codePoints().limit(240).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
