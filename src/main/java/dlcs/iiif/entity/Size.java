package dlcs.iiif.entity;

import java.awt.Dimension;

/**
 * The size segment of an image request. Image API 3.0 (section 4.2): {@code max}, {@code w,},
 * {@code ,h}, {@code pct:n}, {@code w,h}, {@code !w,h}, each optionally prefixed with {@code ^}
 * to allow upscaling; without it a size larger than the region is 400, {@code !w,h} included when
 * its best fit is larger than the region (as the IIIF validator reads section 4.2; {@code max}
 * asks for the region's own size). Image API 2.1: the same
 * without {@code ^}, plus {@code full}; upscaling is allowed ({@code sizeAboveFull}). Either way
 * the result must fit in the service's {@link Limits}: its largest side and its {@code maxArea}.
 */
public record Size(Kind kind, boolean upscale, int width, int height, double percent) {

    public enum Kind { MAX, WIDTH, HEIGHT, PERCENT, EXACT, FIT }

    public static Size parse(String segment, ApiVersion version) {
        if (version == ApiVersion.V2) {
            if (segment.startsWith("^")) {
                throw new InvalidIiifRequestException("Image API 2.1 has no ^ sizes; upscaling needs no prefix.");
            }
            if (segment.equals("full")) {
                return new Size(Kind.MAX, false, 0, 0, 0);
            }
            // read as a 3.0 size with upscaling allowed, except max, which is never more than the region
            Size size = parse(segment.equals("max") ? segment : "^" + segment);
            return new Size(size.kind, size.kind != Kind.MAX, size.width, size.height, size.percent);
        }
        return parse(segment);
    }

    /** An Image API 3.0 size. */
    public static Size parse(String segment) {
        boolean upscale = segment.startsWith("^");
        String s = upscale ? segment.substring(1) : segment;
        if (s.equals("max")) {
            return new Size(Kind.MAX, upscale, 0, 0, 0);
        }
        if (s.startsWith("pct:")) {
            double n = Numbers.decimal(s.substring(4), "size");
            if (n <= 0) {
                throw new InvalidIiifRequestException("The size percentage must be greater than 0.");
            }
            if (n > 100 && !upscale) {
                throw new InvalidIiifRequestException("A size over 100% needs the ^ prefix (^pct:" + s.substring(4) + ").");
            }
            return new Size(Kind.PERCENT, upscale, 0, 0, n);
        }
        boolean fit = s.startsWith("!");
        String dims = fit ? s.substring(1) : s;
        String[] parts = dims.split(",", -1);
        if (parts.length != 2 || parts[0].isEmpty() && parts[1].isEmpty()) {
            throw new InvalidIiifRequestException("The size '" + segment + "' is not max, w,, ,h, pct:n, w,h or !w,h.");
        }
        if (fit || !parts[0].isEmpty() && !parts[1].isEmpty()) {
            int w = positive(parts[0]);
            int h = positive(parts[1]);
            return new Size(fit ? Kind.FIT : Kind.EXACT, upscale, w, h, 0);
        }
        if (!parts[0].isEmpty()) {
            return new Size(Kind.WIDTH, upscale, positive(parts[0]), 0, 0);
        }
        return new Size(Kind.HEIGHT, upscale, 0, positive(parts[1]), 0);
    }

    private static int positive(String text) {
        int value = Numbers.integer(text, "size");
        if (value == 0) {
            throw new InvalidIiifRequestException("Sizes must be greater than 0.");
        }
        return value;
    }

    /**
     * The output size for a region of {@code regionWidth} x {@code regionHeight}, within
     * {@code limits}: {@code max} is the largest size they allow, anything else larger than them
     * is 400. Worked out in {@code double} and checked before it becomes an {@code int}, so that
     * no value of the segment makes a side that overflows or is not positive.
     */
    public Dimension resolve(int regionWidth, int regionHeight, Limits limits) {
        if (regionWidth < 1 || regionHeight < 1) {
            throw new IllegalArgumentException("A region of " + regionWidth + "x" + regionHeight + " has no pixels");
        }
        double w;
        double h;
        switch (kind) {
            case MAX -> {
                double room = Math.min(Math.sqrt((double) limits.maxArea() / ((double) regionWidth * regionHeight)),
                        (double) limits.maxSide() / Math.max(regionWidth, regionHeight));
                if (room >= 1 && !upscale) {
                    w = regionWidth;
                    h = regionHeight;
                } else {
                    // a sliver of a region still has a side of one pixel
                    w = Math.max(1, Math.floor(regionWidth * room));
                    h = Math.max(1, Math.floor(regionHeight * room));
                }
            }
            case WIDTH -> {
                w = width;
                h = rounded((double) regionHeight * width / regionWidth);
            }
            case HEIGHT -> {
                h = height;
                w = rounded((double) regionWidth * height / regionHeight);
            }
            case PERCENT -> {
                w = rounded(regionWidth * percent / 100);
                h = rounded(regionHeight * percent / 100);
            }
            case EXACT -> {
                w = width;
                h = height;
            }
            default -> {
                double scale = Math.min((double) width / regionWidth, (double) height / regionHeight);
                w = Math.min(width, rounded(regionWidth * scale));
                h = Math.min(height, rounded(regionHeight * scale));
            }
        }
        String asked = pixels(w) + "x" + pixels(h);
        if (w < 1 || h < 1) {
            throw new InvalidIiifRequestException("The size would make an image " + asked
                    + " pixels; both sides must be at least 1.");
        }
        if (!upscale && kind == Kind.FIT && (w > regionWidth || h > regionHeight)) {
            throw new InvalidIiifRequestException("The best fit in !" + width + "," + height + " is " + asked
                    + ", larger than the region (" + regionWidth + "x" + regionHeight + "); use ^!" + width + ","
                    + height + " to ask for upscaling, or max for the region's own size.");
        }
        if (!upscale && (w > regionWidth || h > regionHeight)) {
            throw new InvalidIiifRequestException("The size " + asked + " is larger than the region ("
                    + regionWidth + "x" + regionHeight + "); use the ^ prefix to ask for upscaling.");
        }
        if (w > limits.maxSide() || h > limits.maxSide()) {
            throw new InvalidIiifRequestException("The size " + asked + " has a side over " + limits.maxSide()
                    + " pixels, the most this service makes (maxWidth, maxHeight); ask for max or a smaller size.");
        }
        // both sides are now ints from 1 to maxSide: their product fits a long
        int outWidth = (int) w;
        int outHeight = (int) h;
        if ((long) outWidth * outHeight > limits.maxArea()) {
            throw new InvalidIiifRequestException("The size " + asked + " is over the maxArea of "
                    + limits.maxArea() + " pixels; ask for max or a smaller size.");
        }
        return new Dimension(outWidth, outHeight);
    }

    /** Rounded half up, as {@link Math#round(double)}, but kept a double: it may be far beyond any int. */
    private static double rounded(double value) {
        return Math.floor(value + 0.5);
    }

    /** A side for a message: whole, however large. */
    private static String pixels(double side) {
        return new java.math.BigDecimal(side).toPlainString();
    }

    /**
     * The canonical size segment for an output of {@code out} from a region of {@code regionWidth}
     * x {@code regionHeight}: 3.0 says {@code max} when that is the max size, {@code w,h} otherwise;
     * 2.1 says {@code full} for the full size, {@code w,} when the aspect ratio is kept, {@code w,h}
     * otherwise.
     */
    public static String canonical(Dimension out, int regionWidth, int regionHeight, Limits limits,
                                   ApiVersion version) {
        if (version == ApiVersion.V3) {
            Dimension max = new Size(Kind.MAX, false, 0, 0, 0).resolve(regionWidth, regionHeight, limits);
            return out.equals(max) ? "max" : out.width + "," + out.height;
        }
        if (out.width == regionWidth && out.height == regionHeight) {
            return "full";
        }
        long keptHeight = Math.round((double) regionHeight * out.width / regionWidth);
        return keptHeight == out.height ? out.width + "," : out.width + "," + out.height;
    }
}
