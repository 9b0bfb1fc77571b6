package dlcs.benchmark;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/** Masters for the benchmarks: generated, or real photographs resized by vips. */
final class BenchmarkImages {

    private BenchmarkImages() {
    }

    /** An image with gradients, shapes and grain, so that JPEG works as on a photograph. */
    static byte[] photoLike(int seed, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        Random random = new Random(seed);
        g.setPaint(new java.awt.GradientPaint(0, 0, new Color(random.nextInt()), width, height, new Color(random.nextInt())));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 90));
            g.fillOval(random.nextInt(width), random.nextInt(height), 50 + random.nextInt(600), 50 + random.nextInt(600));
        }
        g.dispose();
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) Math.max(0, Math.min(255, (pixels[i] & 0xFF) + random.nextInt(17) - 8));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    /**
     * Every tile of every level of a {@code width} x {@code height} image with square tiles of
     * {@code tile} pixels, as a viewer asks for them ({@code x,y,w,h/tw,/0/default.jpg}), shuffled.
     */
    static List<String> tileRequests(int width, int height, int tile, List<Integer> scaleFactors) {
        List<String> requests = new ArrayList<>();
        for (int s : scaleFactors) {
            int span = tile * s;
            for (int y = 0; y < height; y += span) {
                for (int x = 0; x < width; x += span) {
                    int w = Math.min(span, width - x);
                    int h = Math.min(span, height - y);
                    requests.add(x + "," + y + "," + w + "," + h + "/" + (w + s - 1) / s + ",/0/default.jpg");
                }
            }
        }
        Collections.shuffle(requests, new Random(1));
        return requests;
    }

    /** Where Debian's {@code mate-backgrounds} keeps its photographs; its other folders hold drawn wallpapers. */
    static final Path PHOTOGRAPHS = Path.of("/usr/share/backgrounds/mate/nature");

    /**
     * Every JPEG photograph of {@link #PHOTOGRAPHS}, resized to cover {@code width} x
     * {@code height} and cropped to it by vips, saved as JPEG at quality 90 (as a camera or a
     * scanner would write it), in file-name order; the files are made in {@code work}.
     */
    static List<byte[]> photographs(int width, int height, Path work) throws IOException, InterruptedException {
        List<Path> sources;
        try (var files = Files.list(PHOTOGRAPHS)) {
            sources = files.filter(f -> f.getFileName().toString().endsWith(".jpg")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("No photographs in " + PHOTOGRAPHS + ": install Debian's mate-backgrounds"
                    + " (src/benchmark/queue.sh does)", e);
        }
        Files.createDirectories(work);
        List<byte[]> photographs = new ArrayList<>();
        for (Path source : sources) {
            Path target = work.resolve(source.getFileName());
            Process vips = new ProcessBuilder("vips", "thumbnail", source.toString(), target + "[Q=90]",
                    Integer.toString(width), "--height", Integer.toString(height), "--size", "both", "--crop", "centre")
                    .inheritIO().start();
            if (vips.waitFor() != 0) {
                throw new IllegalStateException("vips could not resize " + source);
            }
            photographs.add(Files.readAllBytes(target));
        }
        return photographs;
    }
}
