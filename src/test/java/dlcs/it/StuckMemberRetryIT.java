package dlcs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dlcs.ingest.control.BatchIntake;
import dlcs.ingest.entity.Batch;
import dlcs.ingest.entity.BatchMember;
import dlcs.registration.control.ImageStore;
import dlcs.registration.control.SpaceStore;
import dlcs.registration.entity.Image;
import dlcs.registration.entity.ImageMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the server: {@code POST .../batches/{b}/retry} sends again a member whose message was
 * lost (a broker journal deleted, say), not only the failed ones (issue 13: "/retry also re-sends
 * members stuck that way"). A batch whose only member is stuck has no failed member at all, so
 * a retry that looked at failed members only would refuse it with 409.
 */
@ExtendWith(ArquillianExtension.class)
class StuckMemberRetryIT {

    @Deployment
    static WebArchive war() {
        return Deployments.builtWar().addClasses(StuckMemberRetryIT.class, LostMessage.class, InsideCalls.class);
    }

    @Inject
    LostMessage lostMessage;

    private final InsideCalls calls = new InsideCalls();

    @Test
    void aRetryResendsAMemberWhoseMessageWasLost() throws Exception {
        long customer = calls.newCustomerWithASpace("stuck-" + UUID.randomUUID().toString().substring(0, 8));
        String images = "/customers/" + customer + "/spaces/1/images/";
        calls.upload(images + "source", jpeg());
        String origin = InsideCalls.BASE + "/iiif-img/" + customer + "/1/source/full/max/0/default.jpg";

        LostMessage.Retried retried = lostMessage.queueLosingTheMessageThenRetry(customer, "lost", origin);
        assertEquals(1, retried.sent(), "the stuck member is sent again");

        JsonObject done = calls.awaitFinished("/customers/" + customer + "/queue/batches/" + retried.batch());
        assertEquals(1, done.getInt("completed"), done.toString());
        assertEquals(0, done.getInt("errors"), done.toString());
        JsonObject lost = calls.send("GET", images + "lost", null);
        assertFalse(lost.getBoolean("ingesting"), lost.toString());
        assertEquals(320, calls.send("GET", "/iiif-img/" + customer + "/1/lost/info.json", null).getInt("width"));
    }

    private static byte[] jpeg() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(320, 240, BufferedImage.TYPE_3BYTE_BGR), "jpg", out);
        return out.toByteArray();
    }

    /**
     * A batch of one whose message never reached the broker: stored as the intake stores it, but
     * sent two hours ago by its record and found in no queue. It is made, and retried, in one
     * transaction, so that the periodic sweep (which sends such members again by itself) cannot
     * take it first and leave the retry nothing to do.
     */
    @ApplicationScoped
    public static class LostMessage {

        public record Retried(long batch, int sent) {
        }

        @PersistenceContext
        EntityManager em;

        @Inject
        SpaceStore spaces;

        @Inject
        ImageStore images;

        @Inject
        BatchIntake intake;

        @Transactional
        public Retried queueLosingTheMessageThenRetry(long customer, String imageId, String origin) {
            Batch batch = new Batch(customer, 1, false);
            em.persist(batch);
            em.flush();
            Image image = images.queue(spaces.get(customer, 1), imageId,
                    new ImageMetadata(origin, null, null, null, null, null, null, null, null, null, null), batch.id(), Map.of());
            em.persist(new BatchMember(batch.id(), image.key(), 0));
            em.flush();
            em.createNativeQuery("update BATCH_MEMBER set SENT = ? where MEMBER_KEY = ?")
                    .setParameter(1, Timestamp.from(Instant.now().minus(Duration.ofHours(2))))
                    .setParameter(2, BatchMember.keyOf(batch.id(), image.key()))
                    .executeUpdate();
            return new Retried(batch.id(), intake.retryFailed(customer, batch.id()));
        }
    }
}
