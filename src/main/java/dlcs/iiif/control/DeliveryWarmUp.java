package dlcs.iiif.control;

import dlcs.iiif.entity.ApiVersion;
import dlcs.iiif.entity.ImageRequest;
import dlcs.iiif.entity.Limits;
import dlcs.imaging.control.Deadline;
import dlcs.imaging.control.DerivativeFiles;
import dlcs.imaging.control.DerivativeMaker;
import dlcs.imaging.control.JpegEncoder;
import dlcs.imaging.control.PixelArrays;
import dlcs.imaging.control.Planes;
import dlcs.imaging.control.PyramidBytes;
import dlcs.imaging.control.PyramidIndex;
import dlcs.imaging.control.PyramidReader;
import dlcs.imaging.control.TileCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Runs what the first image requests after a start run, once, while the application starts: an
 * image's lookups in the database (for an image no one has), and a small image made for the
 * purpose in a temporary directory, ingested, its index read, a tile taken and regions drawn
 * from it. Without it the first viewer after a start waits for that code to be loaded and run
 * for the first time (tens of milliseconds: class loading, the first queries, the codec's native
 * binding). It reads and writes no one's data, and a failure only costs that wait: it is logged
 * and the start goes on.
 */
@ApplicationScoped
public class DeliveryWarmUp {

    private static final Logger LOG = Logger.getLogger(DeliveryWarmUp.class.getName());
    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;

    @Inject
    ServedImages served;

    @Inject
    DerivativeMaker maker;

    @Inject
    DeliverySettings settings;

    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        long start = System.nanoTime();
        try {
            served.warmUp();
            imaging(maker, settings.limits(), settings.jpegQuality(), Path.of(System.getProperty("java.io.tmpdir")));
            LOG.info(() -> String.format("Delivery warmed up in %.0f ms", (System.nanoTime() - start) / 1e6));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Warming up delivery failed; the first requests will be slower", e);
        }
    }

    /**
     * Ingests a small image made for the purpose in a new directory in {@code parent}, reads its
     * index, takes a tile and draws a region from it as JPEG planes and as pixels; then deletes
     * the directory. Returns the region as a JPEG.
     */
    static byte[] imaging(DerivativeMaker maker, Limits limits, float quality, Path parent) throws IOException {
        Path directory = Files.createTempDirectory(parent, "dlcs-warm-up");
        try {
            Path master = directory.resolve("master.jpg");
            ImageIO.write(gradient(), "jpg", master.toFile());
            Path derivative = Files.createDirectory(directory.resolve("derivative"));
            maker.make(master, derivative, List.of(100));
            PyramidBytes bytes = PyramidBytes.of(DerivativeFiles.pyramid(derivative));
            PyramidIndex index = PyramidIndex.read(bytes);
            ImageRequest tile = ImageRequest.parse(ApiVersion.V2, "256,0,256,256", "256,", "0", "default.jpg");
            ImageRequest.Resolved stored = tile.resolve(WIDTH, HEIGHT, limits);
            PyramidReader.tileBytes(bytes, index, PyramidReader.storedTile(index, stored.region(),
                    stored.size().width, stored.size().height).orElseThrow(
                            () -> new IOException("The warm-up image has no tile at " + stored.canonical())));
            ImageRequest region = ImageRequest.parse(ApiVersion.V3, "13,17,500,400", "200,", "0", "default.jpg");
            ImageRequest.Resolved drawn = region.resolve(WIDTH, HEIGHT, limits);
            TileCache cache = new TileCache(1 << 20);
            Planes planes = PyramidReader.renderPlanes(bytes, index, drawn.region(), drawn.size().width,
                    drawn.size().height, cache, PixelArrays.FRESH, Deadline.NONE);
            BufferedImage pixels = PyramidReader.render(bytes, index, drawn.region(), drawn.size().width,
                    drawn.size().height, cache, PixelArrays.FRESH, Deadline.NONE);
            ByteArrayOutputStream encoded = new ByteArrayOutputStream();
            JpegEncoder.write(pixels, encoded, quality);
            return planes != null ? JpegEncoder.encode(planes, quality) : encoded.toByteArray();
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** A smooth colour image: something a JPEG codec has work to do on. */
    private static BufferedImage gradient() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                image.setRGB(x, y, (x * 255 / WIDTH) << 16 | (y * 255 / HEIGHT) << 8 | (x + y) % 256);
            }
        }
        return image;
    }
}
