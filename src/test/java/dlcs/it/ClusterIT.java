package dlcs.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.it.Api.Tenant;
import jakarta.ws.rs.client.Entity;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two nodes, one PostgreSQL database, one standalone Artemis broker and one derivative store, each
 * a process of its own on 127.0.0.1 (a {@link LocalCluster}, started once for the class), and
 * work sent through node A only: both nodes take a share of a batch, with exact counts; node B
 * killed with SIGKILL mid-batch costs nothing and, started again, takes work again; the broker
 * restarted mid-batch costs nothing; an image registered or re-ingested through node A serves
 * from node B at once, the same bytes, never the older version; failed sign-ins on one node count
 * on the other.
 */
class ClusterIT {

    private static final LocalCluster.Ports PORTS = new LocalCluster.Ports(16432, 16616, 16733, 610, 10);
    private static final Duration BATCH_TIMEOUT = Duration.ofMinutes(4);

    private static LocalCluster cluster;
    private static TestOrigin origin;

    @BeforeAll
    static void startCluster() throws Exception {
        Path root = Path.of(System.getProperty("dlcs.it.data-dir", "target/it-data")).resolve("cluster");
        deleteTree(root);
        origin = new TestOrigin();
        cluster = new LocalCluster(root.resolve("state"), root.resolve("servers"), PORTS, List.of(
                "dlcs.admin.key=" + Api.ADMIN_KEY, "dlcs.admin.secret=" + Api.ADMIN_SECRET,
                "dlcs.origin.allow-loopback=true", "dlcs.queue.concurrency=2", "dlcs.queue.redelivery-delay-ms=200",
                // transactions a kill left prepared are resolved by periodic recovery: run it often
                "com.arjuna.ats.arjuna.common.RecoveryEnvironmentBean.periodicRecoveryPeriod=10",
                "com.arjuna.ats.arjuna.common.RecoveryEnvironmentBean.recoveryBackoffPeriod=2",
                // a member whose message a killed node left in doubt on the broker is sent again
                "dlcs.housekeeping.interval-seconds=5", "dlcs.queue.stuck-after-seconds=20",
                // a lockout that outlasts the moment between two requests, however loaded the machine
                "dlcs.auth.lockout-seconds=30"), "512m");
        cluster.start();
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        if (cluster != null) {
            cluster.close();
        }
        if (origin != null) {
            origin.close();
        }
    }

    @Test
    void aBatchQueuedThroughOneNodeIsSharedByBothWithExactCounts() throws Exception {
        ClusterBatch batch = ClusterBatch.queue(cluster, origin, "share", 500);
        batch.awaitAllCompleted(BATCH_TIMEOUT);
        long a = batch.ingestedBy(cluster.node(0));
        long b = batch.ingestedBy(cluster.node(1));
        System.out.println("ClusterIT: 500 members ingested by node A " + a + ", node B " + b);
        assertEquals(500, a + b, "each member ingested once, by one node");
        assertTrue(a >= 50 && b >= 50, "both nodes take a share: A " + a + ", B " + b);
    }

    @Test
    void aNodeKilledMidBatchCostsNothingAndJoinsInWhenBack() throws Exception {
        ClusterBatch batch = ClusterBatch.queue(cluster, origin, "kill", 200);
        batch.awaitProgress(40, cluster.node(1));
        cluster.node(1).kill();
        boolean finishedWithoutB = batch.finishesWithin(Duration.ofMinutes(2));
        if (!finishedWithoutB) {
            // B died between the two phases of a commit: its prepared branch keeps its row locks in
            // PostgreSQL until B's recovery decides it (presumed abort, as nothing was logged)
            assertTrue(preparedTransactionsOlderThan(Duration.ofSeconds(30)) > 0,
                    "the batch stalled with no transaction in doubt");
            System.out.println("ClusterIT: node B was killed inside a two-phase commit; the batch waits for its recovery");
        }
        cluster.node(1).start();
        batch.awaitAllCompleted(BATCH_TIMEOUT);
        System.out.println("ClusterIT: with node B killed mid-batch, node A ingested " + batch.ingestedBy(cluster.node(0))
                + " of 200, node B " + batch.ingestedBy(cluster.node(1)) + (finishedWithoutB
                ? " before it died; the batch finished without it" : " (it finished once B was back)"));

        ClusterBatch after = ClusterBatch.queue(cluster, origin, "back", 100);
        after.awaitAllCompleted(BATCH_TIMEOUT);
        long b = after.ingestedBy(cluster.node(1));
        System.out.println("ClusterIT: node B restarted ingested " + b + " of the next 100");
        assertTrue(b > 0, "node B, started again, takes work");
    }

    @Test
    void theBrokerRestartedMidBatchCostsNothing() throws Exception {
        ClusterBatch batch = ClusterBatch.queue(cluster, origin, "broker", 200);
        batch.awaitProgress(40, cluster.node(0));
        cluster.broker().stop();
        Thread.sleep(2000);
        cluster.broker().start();
        batch.awaitAllCompleted(BATCH_TIMEOUT);
        System.out.println("ClusterIT: across a broker restart, node A ingested " + batch.ingestedBy(cluster.node(0))
                + " of 200, node B " + batch.ingestedBy(cluster.node(1)));
    }

    @Test
    void anImageFromNodeAServesIdenticallyFromNodeBAndNeverStale() {
        ServerProcess a = cluster.node(0);
        ServerProcess b = cluster.node(1);
        Tenant tenant = Api.admin(a.base()).newTenant();
        Api api = tenant.api(a.base());
        String path = "/" + tenant.name() + "/page.jpg";
        String url = origin.serveImage(path, "image/jpeg", Fixtures.jpeg(600, 400));
        assertEquals(201, api.put(tenant.imagePath("page"), "{\"origin\":\"" + url + "\"}").getStatus());
        List<String> requests = List.of("/full/max/0/default.jpg", "/0,0,256,256/256,/0/default.jpg",
                "/full/!200,200/0/default.jpg");
        assertSameOnBoth(tenant, requests, 600);

        origin.serveImage(path, "image/jpeg", Fixtures.jpeg(500, 700));
        assertEquals(200, api.request(tenant.imagePath("page") + "/reingest").post(Entity.json("")).getStatus());
        assertSameOnBoth(tenant, requests, 500);
    }

    @Test
    void failedSignInsOnOneNodeCountOnTheOther() {
        Tenant tenant = Api.admin(cluster.node(0).base()).newTenant();
        String customer = "/customers/" + tenant.customer();
        Api wrongOnA = Api.as(cluster.node(0).base(), tenant.key(), "not the secret");
        for (int i = 0; i < 4; i++) {
            assertEquals(401, wrongOnA.get(customer).getStatus(), "failure " + (i + 1) + " of 5, on node A");
        }
        assertEquals(401, Api.as(cluster.node(1).base(), tenant.key(), "nor this").get(customer).getStatus(),
                "the fifth failure, on node B");
        assertEquals(429, tenant.api(cluster.node(0).base()).get(customer).getStatus(),
                "node A, which saw four failures itself, refuses even the right secret: B's failure counted there");
        assertEquals(429, tenant.api(cluster.node(1).base()).get(customer).getStatus(), "and so does node B");
    }

    /** Node B answers, at once, what node A answers: the same width in info.json and the same image bytes. */
    private static void assertSameOnBoth(Tenant tenant, List<String> requests, int width) {
        DeliveryClient a = new DeliveryClient(cluster.node(0).base());
        DeliveryClient b = new DeliveryClient(cluster.node(1).base());
        String service = tenant.servicePath("page");
        assertEquals(width, DeliveryClient.json(b.get(service + "/info.json")).getInt("width"), "node B");
        assertEquals(width, DeliveryClient.json(a.get(service + "/info.json")).getInt("width"), "node A");
        for (String request : requests) {
            HttpResponse<byte[]> fromA = a.get(service + request);
            HttpResponse<byte[]> fromB = b.get(service + request);
            assertEquals(200, fromB.statusCode(), request);
            assertArrayEquals(fromA.body(), fromB.body(), request + ": the same bytes from both nodes");
            DeliveryClient.image(fromB);
        }
    }

    /** Transactions prepared in PostgreSQL and not yet committed or rolled back, older than {@code age}. */
    private static int preparedTransactionsOlderThan(Duration age) throws SQLException {
        LocalPostgres db = cluster.postgres();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement query = connection.prepareStatement(
                     "select count(*) from pg_prepared_xacts where prepared < now() - make_interval(secs => ?)")) {
            query.setLong(1, age.toSeconds());
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
