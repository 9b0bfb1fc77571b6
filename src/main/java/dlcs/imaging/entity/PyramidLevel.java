package dlcs.imaging.entity;

/** One resolution of a stored pyramid: its index in the file, its size, its tile size. */
public record PyramidLevel(int index, int width, int height, int tileWidth, int tileHeight) {

    /** How much smaller than {@code full} this level is, as a power-of-two scale factor. */
    public int scaleFactor(int fullWidth) {
        return Math.max(1, Math.round((float) fullWidth / width));
    }
}
