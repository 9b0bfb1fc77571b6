package dlcs.iiif.entity;

/**
 * The largest response the service makes: no side over {@code maxSide} pixels (declared as
 * {@code maxWidth} and {@code maxHeight}) and no more than {@code maxArea} pixels in all.
 * Every size is checked against both before it becomes an {@code int}, so no request can make a
 * side that overflows, or one that is not positive.
 */
public record Limits(int maxSide, long maxArea) {

    public Limits {
        if (maxSide < 1 || maxArea < 1) {
            throw new IllegalArgumentException("The largest side and area must be at least 1, not " + maxSide
                    + " and " + maxArea + ".");
        }
    }

    /** These limits with no side over {@code side} as well. */
    public Limits withMaxSide(int side) {
        return new Limits(Math.min(maxSide, side), maxArea);
    }
}
