package dlcs.imaging.control;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * Mirroring and rotation of rendered images: exact for quarter turns, resampled otherwise. The
 * loops over rows give up at their {@link Deadline}.
 */
public final class Transforms {

    private Transforms() {
    }

    /** Flipped left to right. */
    public static BufferedImage mirror(BufferedImage image, Deadline deadline) {
        BufferedImage target = new BufferedImage(image.getWidth(), image.getHeight(), image.getType());
        Rasters.Bytes from = Rasters.bytes(image);
        Rasters.Bytes to = Rasters.bytes(target);
        int pixel = from.pixelStride();
        int width = image.getWidth();
        for (int y = 0; y < image.getHeight(); y++) {
            deadline.check();
            int source = from.offset() + y * from.stride();
            int dest = to.offset() + y * to.stride();
            for (int x = 0; x < width; x++) {
                System.arraycopy(from.data(), source + x * pixel, to.data(), dest + (width - 1 - x) * pixel, pixel);
            }
        }
        return target;
    }

    /**
     * Turned clockwise by {@code degrees}. Quarter turns move pixels exactly; other angles are
     * resampled into the bounding box of the turned image, whose corners are transparent when
     * {@code transparentCorners} (for formats with alpha) and white otherwise.
     */
    public static BufferedImage rotate(BufferedImage image, double degrees, boolean transparentCorners,
                                       Deadline deadline) {
        if (degrees % 360 == 0) {
            return image;
        }
        if (degrees % 90 == 0) {
            return quarterTurns(image, (int) (degrees / 90) % 4, deadline);
        }
        deadline.check();
        double radians = Math.toRadians(degrees);
        int w = image.getWidth();
        int h = image.getHeight();
        Dimension turned = turnedSize(w, h, degrees);
        int outW = turned.width;
        int outH = turned.height;
        BufferedImage target = new BufferedImage(outW, outH,
                transparentCorners ? BufferedImage.TYPE_4BYTE_ABGR : image.getType());
        Graphics2D g = target.createGraphics();
        try {
            if (!transparentCorners) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, outW, outH);
            }
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            AffineTransform turn = new AffineTransform();
            turn.translate(outW / 2.0, outH / 2.0);
            turn.rotate(radians);
            turn.translate(-w / 2.0, -h / 2.0);
            g.drawImage(image, turn, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /** The size of a {@code width} x {@code height} image turned by {@code degrees}: its bounding box. */
    private static Dimension turnedSize(int width, int height, double degrees) {
        double radians = Math.toRadians(degrees);
        double sin = Math.abs(Math.sin(radians));
        double cos = Math.abs(Math.cos(radians));
        return new Dimension(Math.max(1, (int) Math.round(width * cos + height * sin)),
                Math.max(1, (int) Math.round(width * sin + height * cos)));
    }

    private static BufferedImage quarterTurns(BufferedImage image, int turns, Deadline deadline) {
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = turns % 2 == 1;
        BufferedImage target = new BufferedImage(swap ? h : w, swap ? w : h, image.getType());
        Rasters.Bytes from = Rasters.bytes(image);
        Rasters.Bytes to = Rasters.bytes(target);
        int pixel = from.pixelStride();
        for (int y = 0; y < h; y++) {
            deadline.check();
            for (int x = 0; x < w; x++) {
                int tx;
                int ty;
                switch (turns) {
                    case 1 -> {
                        tx = h - 1 - y;
                        ty = x;
                    }
                    case 2 -> {
                        tx = w - 1 - x;
                        ty = h - 1 - y;
                    }
                    default -> {
                        tx = y;
                        ty = w - 1 - x;
                    }
                }
                System.arraycopy(from.data(), from.offset() + y * from.stride() + x * pixel,
                        to.data(), to.offset() + ty * to.stride() + tx * pixel, pixel);
            }
        }
        return target;
    }
}
