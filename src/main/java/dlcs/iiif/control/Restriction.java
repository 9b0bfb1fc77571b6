package dlcs.iiif.control;

/**
 * What anonymous callers may have of an image; all delivery is anonymous until IIIF Auth gives
 * people a way in. An image without roles is open, whatever its {@code maxUnauthorised} (the
 * DLCS's rule: {@code maxUnauthorised} applies to images with roles). An image with roles is
 * restricted: with {@code maxUnauthorised} N of 1 or more, anonymous callers may have it whole,
 * at most N pixels on its longest side, and its thumbnails up to that size; with 0 or -1,
 * nothing at all.
 */
public record Restriction(boolean hasRoles, int maxUnauthorised) {

    /** An image without roles. */
    public static final Restriction OPEN = new Restriction(false, -1);

    public boolean isOpen() {
        return !hasRoles;
    }

    /** Nothing of it for anonymous callers: not its info.json, not an image, not a thumbnail. */
    public boolean isClosed() {
        return hasRoles && maxUnauthorised <= 0;
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
