package dlcs.presentation.entity;

/**
 * One image's IIIF Image service in both API versions, as a manifest references it: the ids
 * that the service's info.json documents carry ({@code /v3/...} and {@code /v2/...}, so that
 * each id names its version whatever the server's canonical one), and its compliance level.
 */
public record ImageService(String v3Id, String v2Id, Level level) {

    /** The levels served: the image service is level 2, the thumbnail service level 0. */
    public enum Level {
        LEVEL0("level0", "http://iiif.io/api/image/2/level0.json"),
        LEVEL2("level2", "http://iiif.io/api/image/2/level2.json");

        private final String v3Profile;
        private final String v2Profile;

        Level(String v3Profile, String v2Profile) {
            this.v3Profile = v3Profile;
            this.v2Profile = v2Profile;
        }

        public String v3Profile() {
            return v3Profile;
        }

        public String v2Profile() {
            return v2Profile;
        }
    }
}
