package dlcs.it;

import static dlcs.it.Api.json;
import static dlcs.it.Batches.collection;
import static dlcs.it.Batches.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.imaging.control.BandSource;
import dlcs.imaging.control.PyramidWriter;
import dlcs.it.Api.Tenant;
import jakarta.json.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 20000 x 20000 tiled TIFF master is queued to a server running with a 512 MB heap: it is read
 * by regions and its pyramid built band by band, never whole in memory.
 */
class LargeMasterIT {

    static final int SIDE = 20_000;

    @TempDir
    Path work;

    @Test
    void aHugeTiledTiffIngestsInA512MegabyteHeap() throws Exception {
        Path master = work.resolve("master.tif");
        PyramidWriter.write(new Pattern(SIDE, SIDE), master, 0.8f, work);
        byte[] bytes = Files.readAllBytes(master);
        Files.delete(master);

        List<String> settings = List.of("dlcs.admin.key=" + Api.ADMIN_KEY, "dlcs.admin.secret=" + Api.ADMIN_SECRET,
                "dlcs.origin.allow-loopback=true");
        try (TestOrigin origin = new TestOrigin();
             ServerProcess server = new ServerProcess(work, work.resolve("data"), 300, settings)) {
            server.start();
            Tenant tenant = Api.admin(server.base()).newTenant();
            Api api = tenant.api(server.base());
            String url = origin.serveImage("/huge.tif", "image/tiff", bytes);
            JsonObject batch = json(api.post("/customers/" + tenant.customer() + "/queue",
                    collection(Batches.members().add(member(tenant.space(), "huge", url)))));
            JsonObject done = Batches.awaitFinished(api, Batches.path(batch), Duration.ofMinutes(15));
            assertEquals(1, done.getInt("completed"), json(api.get(Batches.path(batch) + "/images")).toString());

            JsonObject info = json(api.get(tenant.servicePath("huge") + "/info.json"));
            assertEquals(SIDE, info.getInt("width"));
            assertEquals(SIDE, info.getInt("height"));
            assertEquals(List.of(1, 2, 4, 8, 16, 32, 64, 128),
                    info.getJsonArray("tiles").getJsonObject(0).getJsonArray("scaleFactors").getValuesAs(
                            jakarta.json.JsonNumber.class).stream().map(jakarta.json.JsonNumber::intValue).toList());
            byte[] region = api.get(tenant.servicePath("huge") + "/10000,10000,512,512/max/0/default.jpg")
                    .readEntity(byte[].class);
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(region));
            assertEquals(512, decoded.getWidth());
            Color expected = Pattern.colour(10_256, 10_256);
            Color actual = new Color(decoded.getRGB(256, 256));
            assertTrue(Math.abs(expected.getRed() - actual.getRed()) < 12
                    && Math.abs(expected.getGreen() - actual.getGreen()) < 12, expected + " vs " + actual);
            String log = Files.readString(server.log());
            assertTrue(log.contains("customer=" + tenant.customer() + " space=" + tenant.space() + " id=huge origin=http"
                    + " bytes=" + bytes.length + " "), "the worker logged it, with the master's size");
            assertTrue(!log.contains("OutOfMemoryError"), "within its 512 MB heap");
        }
    }

    /** A procedural image: smooth colour gradients, drawn a band at a time. */
    static final class Pattern implements BandSource {
        private final int width;
        private final int height;

        Pattern(int width, int height) {
            this.width = width;
            this.height = height;
        }

        static Color colour(int x, int y) {
            return new Color(x * 255 / SIDE, y * 255 / SIDE, 128);
        }

        @Override
        public int width() {
            return width;
        }

        @Override
        public int height() {
            return height;
        }

        @Override
        public int type() {
            return BufferedImage.TYPE_3BYTE_BGR;
        }

        @Override
        public BufferedImage band(int y, int rows) {
            BufferedImage band = new BufferedImage(width, rows, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = band.createGraphics();
            for (int x = 0; x < width; x += 64) {
                g.setPaint(new java.awt.GradientPaint(x, 0, colour(x, y), x + 64, rows, colour(x + 64, y + rows)));
                g.fillRect(x, 0, 64, rows);
            }
            g.dispose();
            return band;
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}
