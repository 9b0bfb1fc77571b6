package dlcs.common;

/** Text the server writes itself (an error's reason) fitted to the column that keeps it. */
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
}
