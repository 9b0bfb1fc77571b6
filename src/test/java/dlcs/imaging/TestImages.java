package dlcs.imaging;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Generated fixture images: a grid of coloured cells whose every pixel is predictable. */
public final class TestImages {

    private TestImages() {
    }

    /** Cells of 100 px, each a colour from its row and column, with a 2 px black grid line. */
    public static BufferedImage grid(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        for (int y = 0; y < height; y += 100) {
            for (int x = 0; x < width; x += 100) {
                g.setColor(new Color((x / 100 * 40) % 256, (y / 100 * 60) % 256, ((x + y) / 100 * 25) % 256));
                g.fillRect(x, y, 100, 100);
            }
        }
        g.setColor(Color.BLACK);
        for (int x = 0; x < width; x += 100) {
            g.fillRect(x, 0, 2, height);
        }
        for (int y = 0; y < height; y += 100) {
            g.fillRect(0, y, width, 2);
        }
        g.dispose();
        return image;
    }

    public static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Mean absolute difference per channel, 0-255, over the common area. */
    public static double meanDifference(BufferedImage a, BufferedImage b) {
        int w = Math.min(a.getWidth(), b.getWidth());
        int h = Math.min(a.getHeight(), b.getHeight());
        long total = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                total += Math.abs((p >> 16 & 0xFF) - (q >> 16 & 0xFF))
                        + Math.abs((p >> 8 & 0xFF) - (q >> 8 & 0xFF))
                        + Math.abs((p & 0xFF) - (q & 0xFF));
            }
        }
        return total / (3.0 * w * h);
    }
}
