package dlcs.imaging.entity;

/** A width and height in pixels. */
public record Dimensions(int width, int height) {

    public Dimensions {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("Dimensions must be positive: " + width + "x" + height);
        }
    }

    public long pixels() {
        return (long) width * height;
    }

    /** The largest size that fits in a {@code box}-pixel square keeping the aspect ratio, never larger than this. */
    public Dimensions fitWithin(int boxWidth, int boxHeight) {
        double scale = Math.min(1.0, Math.min((double) boxWidth / width, (double) boxHeight / height));
        if (scale >= 1.0) {
            return this;
        }
        int w = (int) Math.max(1, Math.round(width * scale));
        int h = (int) Math.max(1, Math.round(height * scale));
        return new Dimensions(Math.min(w, boxWidth), Math.min(h, boxHeight));
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
