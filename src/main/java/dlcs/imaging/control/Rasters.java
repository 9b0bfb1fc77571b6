package dlcs.imaging.control;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.util.Arrays;

/**
 * Pixel work on 8-bit rasters: normalising a decoded image, finding its bytes, halving and
 * scaling it, turning it grey or bitonal.
 */
public final class Rasters {

    private Rasters() {
    }

    /**
     * The image as 8-bit BGR or 8-bit grey, the two layouts JPEG stores; transparency is
     * flattened onto white. Already normalised images are returned as they are.
     */
    public static BufferedImage normalise(BufferedImage image) {
        int type = image.getType();
        if (type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        boolean grey = image.getColorModel().getNumColorComponents() == 1
                && image.getColorModel().getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_GRAY;
        BufferedImage target = new BufferedImage(image.getWidth(), image.getHeight(),
                grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = target.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /**
     * Where the pixels of a normalised image (or of a sub-image of one) lie in its byte array:
     * pixel (x, y) starts at {@code offset + y * stride + x * pixelStride}, its samples in the
     * order of the array (B, G, R for BGR).
     */
    public record Bytes(byte[] data, int offset, int stride, int pixelStride) {
    }

    public static Bytes bytes(BufferedImage image) {
        Raster raster = image.getRaster();
        PixelInterleavedSampleModel model = (PixelInterleavedSampleModel) raster.getSampleModel();
        int first = Arrays.stream(model.getBandOffsets()).min().orElse(0);
        int x = raster.getMinX() - raster.getSampleModelTranslateX();
        int y = raster.getMinY() - raster.getSampleModelTranslateY();
        DataBufferByte buffer = (DataBufferByte) raster.getDataBuffer();
        return new Bytes(buffer.getData(), buffer.getOffset() + y * model.getScanlineStride()
                + x * model.getPixelStride() + first, model.getScanlineStride(), model.getPixelStride());
    }

    /** Half the size (rounded up), each pixel the mean of a 2x2 block: the next pyramid level. */
    public static BufferedImage halve(BufferedImage source) {
        return halve(source, PixelArrays.FRESH);
    }

    /** The same, the result's pixels from {@code arrays}. */
    static BufferedImage halve(BufferedImage source, PixelArrays arrays) {
        int bands = source.getType() == BufferedImage.TYPE_BYTE_GRAY ? 1 : 3;
        int width = source.getWidth();
        int height = source.getHeight();
        int halfWidth = (width + 1) / 2;
        int halfHeight = (height + 1) / 2;
        BufferedImage target = arrays.image(halfWidth, halfHeight, source.getType());
        Bytes from = bytes(source);
        byte[] in = from.data();
        byte[] out = ((DataBufferByte) target.getRaster().getDataBuffer()).getData();
        int inStride = from.stride();
        int outStride = halfWidth * bands;
        for (int y = 0; y < halfHeight; y++) {
            int row0 = from.offset() + 2 * y * inStride;
            int row1 = from.offset() + Math.min(2 * y + 1, height - 1) * inStride;
            int outRow = y * outStride;
            for (int x = 0; x < halfWidth; x++) {
                int col0 = 2 * x * bands;
                int col1 = Math.min(2 * x + 1, width - 1) * bands;
                for (int b = 0; b < bands; b++) {
                    int sum = (in[row0 + col0 + b] & 0xFF) + (in[row0 + col1 + b] & 0xFF)
                            + (in[row1 + col0 + b] & 0xFF) + (in[row1 + col1 + b] & 0xFF);
                    out[outRow + x * bands + b] = (byte) ((sum + 2) >> 2);
                }
            }
        }
        return target;
    }

    /**
     * {@code source} scaled to exactly {@code width} x {@code height}, smoothly: halved while
     * that stays at least as large, then reduced by area averaging; enlarged bicubically.
     */
    public static BufferedImage scale(BufferedImage source, int width, int height) {
        return scale(source, width, height, PixelArrays.FRESH, Deadline.NONE);
    }

    /**
     * The same, the pixels of working images and of a reduced result from {@code arrays}
     * ({@code source} must be normalised when it is to be reduced), giving up at {@code deadline}
     * between steps.
     */
    public static BufferedImage scale(BufferedImage source, int width, int height, PixelArrays arrays,
                                      Deadline deadline) {
        requirePositive(width, height);
        BufferedImage current = source;
        while (current.getWidth() >= width * 2L && current.getHeight() >= height * 2L) {
            deadline.check();
            current = halve(normalise(current), arrays);
        }
        if (current.getWidth() == width && current.getHeight() == height) {
            return current;
        }
        if (width <= current.getWidth() && height <= current.getHeight()) {
            // one side may still be twice the target or more: reduce it in steps of half at most (a
            // step to more than half would never take a side of 2 to 1, and would loop for ever)
            while (current.getWidth() >= width * 2L || current.getHeight() >= height * 2L) {
                current = Resampler.reduce(normalise(current), Math.max(width, (current.getWidth() + 1) / 2),
                        Math.max(height, (current.getHeight() + 1) / 2), arrays, deadline);
            }
            return Resampler.reduce(normalise(current), width, height, arrays, deadline);
        }
        deadline.check();
        BufferedImage target = new BufferedImage(width, height, current.getType());
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(current, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /**
     * Refuses a target size that is not positive: every scaling loop here assumes one, and one of
     * 0 would halve a 1x1 image for ever.
     */
    static void requirePositive(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("A target of " + width + "x" + height + " pixels: both sides must be"
                    + " at least 1");
        }
    }

    /** The image in 8-bit grey (luminance); an image with alpha keeps it, its colours turned grey. */
    public static BufferedImage grey(BufferedImage image) {
        return grey(image, Deadline.NONE);
    }

    /** The same, giving up at {@code deadline} between rows. */
    public static BufferedImage grey(BufferedImage image, Deadline deadline) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        if (image.getColorModel().hasAlpha()) {
            BufferedImage target = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
            for (int y = 0; y < image.getHeight(); y++) {
                deadline.check();
                for (int x = 0; x < image.getWidth(); x++) {
                    int argb = image.getRGB(x, y);
                    int luma = (int) Math.round(0.299 * (argb >> 16 & 0xFF) + 0.587 * (argb >> 8 & 0xFF)
                            + 0.114 * (argb & 0xFF));
                    target.setRGB(x, y, argb & 0xFF000000 | luma << 16 | luma << 8 | luma);
                }
            }
            return target;
        }
        BufferedImage target = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = target.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /**
     * The image in black and white (transparency flattened onto white): grey values from 128 up
     * are white. Gives up at {@code deadline} between rows.
     */
    public static BufferedImage bitonal(BufferedImage image, Deadline deadline) {
        BufferedImage grey = grey(normalise(image), deadline);
        BufferedImage target = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        Bytes in = bytes(grey);
        java.awt.image.WritableRaster out = target.getRaster();
        int width = image.getWidth();
        for (int y = 0; y < image.getHeight(); y++) {
            deadline.check();
            int row = in.offset() + y * in.stride();
            for (int x = 0; x < width; x++) {
                out.setSample(x, y, 0, (in.data()[row + x] & 0xFF) >= 128 ? 1 : 0);
            }
        }
        return target;
    }
}
