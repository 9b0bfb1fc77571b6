package dlcs.presentation.entity;

/** The two Presentation API versions served: 3.0 by default, 2.1 under {@code /v2}. */
public enum PresentationVersion {

    V2("http://iiif.io/api/presentation/2/context.json"),
    V3("http://iiif.io/api/presentation/3/context.json");

    private final String context;

    PresentationVersion(String context) {
        this.context = context;
    }

    /** The JSON-LD context, also the profile of the media type. */
    public String context() {
        return context;
    }

    /** {@code application/ld+json} with this version's context as its profile, as the spec asks. */
    public String mediaType() {
        return "application/ld+json;profile=\"" + context + "\"";
    }

    /** From a path segment such as {@code v2}; {@code null} when the segment names no version. */
    public static PresentationVersion fromSegment(String segment) {
        return switch (segment) {
            case "v2" -> V2;
            case "v3" -> V3;
            default -> null;
        };
    }
}
