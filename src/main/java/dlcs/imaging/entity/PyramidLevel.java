package dlcs.imaging.entity;

/** One resolution of a stored pyramid: its index in the file, its size, its tile size. */
public record PyramidLevel(int index, int width, int height, int tileWidth, int tileHeight) {

    /**
     * How much smaller than the full image this level is: each level halves the one before
     * (rounding up), so level {@code n} has scale factor 2<sup>n</sup>, as IIIF tiles expect.
     */
    public int scaleFactor() {
        return 1 << index;
    }
}
