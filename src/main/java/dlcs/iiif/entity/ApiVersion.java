package dlcs.iiif.entity;

/** The two Image API versions served, with what differs between them on the wire. */
public enum ApiVersion {

    V2("2", "http://iiif.io/api/image/2/context.json", "http://iiif.io/api/image/2/level2.json",
            "http://iiif.io/api/image/2/level0.json"),
    V3("3", "http://iiif.io/api/image/3/context.json", "http://iiif.io/api/image/3/level2.json",
            "http://iiif.io/api/image/3/level0.json");

    private final String number;
    private final String context;
    private final String levelTwoProfile;
    private final String levelZeroProfile;

    ApiVersion(String number, String context, String levelTwoProfile, String levelZeroProfile) {
        this.number = number;
        this.context = context;
        this.levelTwoProfile = levelTwoProfile;
        this.levelZeroProfile = levelZeroProfile;
    }

    /** {@code 2} or {@code 3}, as in {@code /iiif-img/v2/}. */
    public String number() {
        return number;
    }

    public String context() {
        return context;
    }

    /** The level 2 compliance document, for the {@code Link rel="profile"} header. */
    public String levelTwoProfile() {
        return levelTwoProfile;
    }

    /** The level 0 compliance document (the thumbnail service's). */
    public String levelZeroProfile() {
        return levelZeroProfile;
    }

    /** From a path segment such as {@code v2}; {@code null} when the segment names no version. */
    public static ApiVersion fromSegment(String segment) {
        return switch (segment) {
            case "v2" -> V2;
            case "v3" -> V3;
            default -> null;
        };
    }

    /** From configuration: {@code 2} or {@code 3}. */
    public static ApiVersion fromNumber(String number) {
        return switch (number.trim()) {
            case "2" -> V2;
            case "3" -> V3;
            default -> throw new IllegalArgumentException("The IIIF Image API version must be 2 or 3, not '" + number + "'.");
        };
    }
}
