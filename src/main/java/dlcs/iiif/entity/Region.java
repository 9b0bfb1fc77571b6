package dlcs.iiif.entity;

import java.awt.Rectangle;

/** The region segment of an image request (Image API 3.0 section 4.1; 2.1 section 4.1 is the same). */
public sealed interface Region {

    /** The region in full-image pixels, cropped to the image; 400 if nothing of it is inside. */
    Rectangle resolve(int width, int height);

    static Region parse(String segment) {
        if (segment.equals("full")) {
            return new Full();
        }
        if (segment.equals("square")) {
            return new Square();
        }
        if (segment.startsWith("pct:")) {
            double[] v = Numbers.fourDecimals(segment.substring(4), "region");
            if (v[2] <= 0 || v[3] <= 0) {
                throw new InvalidIiifRequestException("The region's width and height must be greater than 0.");
            }
            return new Percent(v[0], v[1], v[2], v[3]);
        }
        int[] v = Numbers.fourIntegers(segment, "region");
        if (v[2] <= 0 || v[3] <= 0) {
            throw new InvalidIiifRequestException("The region's width and height must be greater than 0.");
        }
        return new Pixels(v[0], v[1], v[2], v[3]);
    }

    record Full() implements Region {
        @Override
        public Rectangle resolve(int width, int height) {
            return new Rectangle(0, 0, width, height);
        }
    }

    record Square() implements Region {
        @Override
        public Rectangle resolve(int width, int height) {
            int side = Math.min(width, height);
            return new Rectangle((width - side) / 2, (height - side) / 2, side, side);
        }
    }

    record Pixels(int x, int y, int w, int h) implements Region {
        @Override
        public Rectangle resolve(int width, int height) {
            return crop(x, y, w, h, width, height);
        }
    }

    record Percent(double x, double y, double w, double h) implements Region {
        @Override
        public Rectangle resolve(int width, int height) {
            // Math.round of a double is a long, saturated rather than wrapped however large
            return crop(Math.round(x * width / 100), Math.round(y * height / 100),
                    Math.max(1, Math.round(w * width / 100)), Math.max(1, Math.round(h * height / 100)), width, height);
        }
    }

    /** The canonical region segment: {@code full} for the whole image, {@code x,y,w,h} otherwise. */
    static String canonical(Rectangle resolved, int width, int height) {
        if (resolved.x == 0 && resolved.y == 0 && resolved.width == width && resolved.height == height) {
            return "full";
        }
        return resolved.x + "," + resolved.y + "," + resolved.width + "," + resolved.height;
    }

    /**
     * The part of {@code x,y,w,h} (non-negative, {@code w} and {@code h} positive) inside a
     * {@code width} x {@code height} image: in longs until it is known to lie within the image,
     * so that no value overflows.
     */
    private static Rectangle crop(long x, long y, long w, long h, int width, int height) {
        if (x >= width || y >= height) {
            throw new InvalidIiifRequestException("The region starts outside the image (" + width + "x" + height + ").");
        }
        return new Rectangle((int) x, (int) y, (int) Math.min(w, width - x), (int) Math.min(h, height - y));
    }
}
