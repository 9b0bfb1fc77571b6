package dlcs.iiif.entity;

import java.awt.Dimension;

/**
 * The size segment of an image request (Image API 3.0, section 4.2): {@code max}, {@code w,},
 * {@code ,h}, {@code pct:n}, {@code w,h}, {@code !w,h}, each optionally prefixed with {@code ^}
 * to allow upscaling.
 */
public record Size(Kind kind, boolean upscale, int width, int height, double percent) {

    public enum Kind { MAX, WIDTH, HEIGHT, PERCENT, EXACT, FIT }

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

    /** The output size for a region of {@code regionWidth} x {@code regionHeight}, within {@code maxArea}. */
    public Dimension resolve(int regionWidth, int regionHeight, long maxArea) {
        double w;
        double h;
        switch (kind) {
            case MAX -> {
                double scale = Math.min(1.0, Math.sqrt((double) maxArea / ((long) regionWidth * regionHeight)));
                w = regionWidth * scale;
                h = regionHeight * scale;
            }
            case WIDTH -> {
                w = width;
                h = (double) regionHeight * width / regionWidth;
            }
            case HEIGHT -> {
                h = height;
                w = (double) regionWidth * height / regionHeight;
            }
            case PERCENT -> {
                w = regionWidth * percent / 100;
                h = regionHeight * percent / 100;
            }
            case EXACT -> {
                w = width;
                h = height;
            }
            default -> {
                double scale = Math.min((double) width / regionWidth, (double) height / regionHeight);
                if (!upscale) {
                    scale = Math.min(scale, 1.0);
                }
                w = regionWidth * scale;
                h = regionHeight * scale;
            }
        }
        int outW = (int) Math.max(1, Math.round(w));
        int outH = (int) Math.max(1, Math.round(h));
        if (!upscale && (outW > regionWidth || outH > regionHeight)) {
            throw new InvalidIiifRequestException("The size " + outW + "x" + outH + " is larger than the region ("
                    + regionWidth + "x" + regionHeight + "); use the ^ prefix to ask for upscaling.");
        }
        if ((long) outW * outH > maxArea) {
            throw new InvalidIiifRequestException("The size " + outW + "x" + outH + " is over the maxArea of "
                    + maxArea + " pixels.");
        }
        return new Dimension(outW, outH);
    }
}
