package dlcs.imaging.control;

/**
 * An image as JPEG holds it: a luma plane and, for colour, two chroma planes at half the width
 * and half the height (4:2:0), each a row-major array of its own. Working on these instead of on
 * BGR pixels skips the colour conversion and chroma resampling on both sides of the codec and
 * touches half the bytes in between.
 */
public record Planes(int width, int height, byte[] luma, byte[] blue, byte[] red) {

    public boolean grey() {
        return blue == null;
    }

    /** The width of the chroma planes. */
    public int chromaWidth() {
        return (width + 1) / 2;
    }

    /** The height of the chroma planes. */
    public int chromaHeight() {
        return (height + 1) / 2;
    }

    /** The bytes it holds. */
    long bytes() {
        return luma.length + (grey() ? 0 : blue.length + (long) red.length);
    }
}
