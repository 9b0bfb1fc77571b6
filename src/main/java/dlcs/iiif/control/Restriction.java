package dlcs.iiif.control;

/**
 * What anonymous callers may have of an image; all delivery is anonymous until IIIF Auth gives
 * people a way in. A {@code maxUnauthorised} N of 0 or more limits anonymous callers to the whole
 * image at most N pixels on its longest side, and its thumbnails up to that size (0: nothing at
 * all), with or without roles. -1 means no limit, unless the image has roles: then anonymous
 * callers get nothing. An image without roles and with -1, the default, is open.
 */
public record Restriction(boolean hasRoles, int maxUnauthorised) {

    /** An image without roles. */
    public static final Restriction OPEN = new Restriction(false, -1);

    public boolean isOpen() {
        return !hasRoles && maxUnauthorised < 0;
    }

    /** Nothing of it for anonymous callers: not its info.json, not an image, not a thumbnail. */
    public boolean isClosed() {
        return maxSide() == 0;
    }

    /** The longest side anonymous callers may have: unlimited when open, 0 when closed. */
    public int maxSide() {
        return isOpen() ? Integer.MAX_VALUE : Math.max(0, maxUnauthorised);
    }

    /**
     * What tells the responses of this restriction apart from those of another, for their ETags:
     * nothing when open, the longest side allowed when restricted (a change of it, by PATCH, makes
     * new responses without a new derivative).
     */
    public String tag() {
        return isOpen() ? "" : "-r" + maxSide();
    }
}
