package dlcs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dlcs.ingest.control.IngestWorker;
import dlcs.ingest.entity.IngestMessage;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.UserTransaction;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the server: the same batch member delivered three times at once (a sweep's resend
 * crossing a redelivery, say) is processed as if once. One attempt records it; the others roll
 * back with their files, or find it done. The batch counts it once, and one version stays.
 */
@ExtendWith(ArquillianExtension.class)
class DuplicateDeliveryIT {

    @Deployment
    static WebArchive war() {
        return Deployments.builtWar().addClasses(DuplicateDeliveryIT.class, InsideCalls.class);
    }

    @Inject
    IngestWorker worker;

    @Resource
    UserTransaction transaction;

    private final InsideCalls calls = new InsideCalls();

    @Test
    void aMemberDeliveredThreeTimesAtOnceCountsOnceAndKeepsOneVersion() throws Exception {
        String name = "dup-" + UUID.randomUUID().toString().substring(0, 8);
        long customer = calls.newCustomerWithASpace(name);
        String images = "/customers/" + customer + "/spaces/1/images/";
        calls.upload(images + "source", large());
        String origin = InsideCalls.BASE + "/iiif-img/" + customer + "/1/source/full/max/0/default.jpg";
        JsonObject batch = calls.send("POST", "/customers/" + customer + "/queue", "{\"member\":[{\"id\":\"copy\","
                + "\"space\":1,\"origin\":\"" + origin + "\"}]}");
        long batchId = batch.getJsonNumber("id").longValue();
        String batchPath = "/customers/" + customer + "/queue/batches/" + batchId;

        // the broker's own delivery races the three below: whichever comes first records it
        IngestMessage message = new IngestMessage(batchId, customer + "/1/copy");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch ready = new CountDownLatch(3);
        List<Future<String>> attempts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            attempts.add(pool.submit(attempt(message, ready)));
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> attempt : attempts) {
            outcomes.add(attempt.get(2, TimeUnit.MINUTES));
        }
        pool.shutdown();

        JsonObject done = awaitFinished(batchPath);
        assertEquals(1, done.getInt("completed"), outcomes + " " + done);
        assertEquals(0, done.getInt("errors"));
        assertEquals(0, done.getInt("supersededCount"));
        assertEquals(1, calls.send("GET", batchPath + "/images?status=completed", null).getInt("totalItems"));
        JsonObject copy = calls.send("GET", images + "copy", null);
        assertEquals(1500, copy.getInt("width"), copy.toString());
        Path versions = Path.of(System.getProperty("dlcs.data-dir"), "storage", Long.toString(customer), "1", "copy");
        assertEquals(1, count(versions), "one version left of " + outcomes);
        assertEquals(1500, calls.send("GET", "/iiif-img/" + customer + "/1/copy/info.json", null).getInt("width"));
    }

    private Callable<String> attempt(IngestMessage message, CountDownLatch ready) {
        return () -> {
            ready.countDown();
            ready.await(10, TimeUnit.SECONDS);
            transaction.begin();
            try {
                worker.process(message);
                transaction.commit();
                return "committed";
            } catch (Exception e) {
                if (transaction.getStatus() != jakarta.transaction.Status.STATUS_NO_TRANSACTION) {
                    transaction.rollback();
                }
                return "rolled back: " + e.getClass().getSimpleName();
            }
        };
    }

    private JsonObject awaitFinished(String batchPath) throws Exception {
        calls.awaitFinished(batchPath);
        Thread.sleep(1000); // what the losers leave behind is removed as their transactions end
        return calls.send("GET", batchPath, null);
    }

    private static long count(Path directory) throws IOException {
        try (Stream<Path> children = Files.list(directory)) {
            return children.count();
        }
    }

    /** Large enough that the three attempts are still making their derivatives when they meet. */
    private static byte[] large() throws IOException {
        BufferedImage image = new BufferedImage(1500, 1200, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        for (int y = 0; y < 1200; y += 50) {
            for (int x = 0; x < 1500; x += 50) {
                g.setColor(new Color(x % 256, y % 256, (x + y) % 256));
                g.fillRect(x, y, 50, 50);
            }
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
