package dlcs.it;

import static dlcs.it.Api.json;
import static dlcs.it.Batches.collection;
import static dlcs.it.Batches.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.it.Api.Tenant;
import dlcs.it.TestOrigin.Bytes;
import dlcs.it.TestOrigin.Slow;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No lost work: the server is killed with SIGKILL while a batch is being processed and started
 * again; every member ends completed with a sound derivative, the counts are exact, nothing is
 * stuck.
 */
class QueueCrashIT {

    private static final int MEMBERS = 240;

    @TempDir
    Path work;

    @Test
    void aBatchSurvivesSigkillMidwayWithExactCounts() throws Exception {
        List<String> settings = List.of("dlcs.admin.key=" + Api.ADMIN_KEY, "dlcs.admin.secret=" + Api.ADMIN_SECRET,
                "dlcs.origin.allow-loopback=true", "dlcs.queue.concurrency=3", "dlcs.queue.redelivery-delay-ms=200",
                // transactions the kill left prepared are resolved by periodic recovery: run it often
                "com.arjuna.ats.arjuna.common.RecoveryEnvironmentBean.periodicRecoveryPeriod=10",
                "com.arjuna.ats.arjuna.common.RecoveryEnvironmentBean.recoveryBackoffPeriod=2");
        try (TestOrigin origin = new TestOrigin();
             ServerProcess server = new ServerProcess(work, work.resolve("data"), 200, settings)) {
            server.start();
            Tenant tenant = Api.admin(server.base()).newTenant();
            Api api = tenant.api(server.base());
            byte[] image = Fixtures.jpeg(640, 480);
            JsonArrayBuilder members = Batches.members();
            for (int i = 0; i < MEMBERS; i++) {
                members.add(member(tenant.space(), "k" + i, origin.serve("/k" + i, new Slow(40, new Bytes("image/jpeg", image)))));
            }
            JsonObject batch = json(api.post("/customers/" + tenant.customer() + "/queue", collection(members)));
            String batchPath = Batches.path(batch);

            JsonObject progress = json(api.get(batchPath));
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (progress.getInt("completed") < 25 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                progress = json(api.get(batchPath));
            }
            int before = progress.getInt("completed");
            assertTrue(before >= 25 && before < MEMBERS, "killed mid-batch, at " + before);
            server.kill();

            server.start();
            JsonObject done = Batches.awaitFinished(api, batchPath, Duration.ofMinutes(6));
            assertEquals(MEMBERS, done.getInt("completed"), done.toString());
            assertEquals(0, done.getInt("errors"));
            assertEquals(MEMBERS, json(api.get(batchPath + "/images?status=completed&pageSize=1")).getInt("totalItems"));
            assertEquals(0, json(api.get("/customers/" + tenant.customer() + "/queue")).getInt("imagesWaiting"));
            for (int i = 0; i < MEMBERS; i++) {
                JsonObject registered = json(api.get(tenant.imagePath("k" + i)));
                assertFalse(registered.getBoolean("ingesting"), registered.toString());
                assertEquals(640, registered.getInt("width"));
                byte[] full = api.get(tenant.servicePath("k" + i) + "/full/max/0/default.jpg").readEntity(byte[].class);
                BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(full));
                assertNotNull(decoded, "k" + i + " serves a sound image");
                assertEquals(480, decoded.getHeight());
            }
        }
    }
}
