package dlcs.presentation.entity;

/** One line of a resource's metadata: what it is ({@code label}, English) and its value (plain text). */
public record Entry(String label, String value) {

    /**
     * The value as published. Viewers take a metadata value that starts with {@code <} and ends
     * with {@code >} for HTML (Presentation 3.0 section 4.4, and 2.1 likewise); such a text is
     * published as escaped HTML that shows the same characters, so that what an image's owner
     * stored is what people read, and never markup.
     */
    public String published() {
        if (!value.startsWith("<") || !value.endsWith(">")) {
            return value;
        }
        StringBuilder html = new StringBuilder(value.length() + 32).append("<span>");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '&' -> html.append("&amp;");
                case '"' -> html.append("&quot;");
                default -> html.append(c);
            }
        }
        return html.append("</span>").toString();
    }
}
