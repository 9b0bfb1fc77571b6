package dlcs.iiif.entity;

/** The quality part of the last segment (Image API 3.0 section 4.4). */
public enum Quality {
    DEFAULT, COLOR, GRAY, BITONAL;

    public static Quality parse(String text) {
        return switch (text) {
            case "default" -> DEFAULT;
            case "color" -> COLOR;
            case "gray" -> GRAY;
            case "bitonal" -> BITONAL;
            default -> throw new InvalidIiifRequestException("The quality '" + text
                    + "' is not default, color, gray or bitonal.");
        };
    }

    public String segment() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
