package dlcs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.iiif.control.ServedImage;
import dlcs.iiif.control.ServedImages;
import dlcs.imaging.TestImages;
import dlcs.ingest.control.Leases;
import dlcs.ingest.control.PriorityGate;
import dlcs.nodes.control.Broadcast;
import dlcs.nodes.entity.NodeNews;
import dlcs.registration.control.CustomerStore;
import dlcs.registration.control.ImageRegistrar;
import dlcs.registration.control.SpaceSettings;
import dlcs.registration.control.SpaceStore;
import dlcs.registration.entity.Customer;
import dlcs.registration.entity.ImageMetadata;
import dlcs.registration.entity.Space;
import dlcs.security.control.Authenticator;
import dlcs.security.control.CustomerDirectory;
import dlcs.security.control.KeyStore;
import dlcs.security.control.NewKey;
import dlcs.security.control.SecretHasher;
import dlcs.security.control.SharedCounts;
import dlcs.security.control.SignInFailures;
import dlcs.usage.control.UsageRows;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What nodes sharing one database and one broker must agree on, checked inside the real server:
 * the built WAR with this class added, its beans called from several threads at once as several
 * nodes would, against the real database, and news sent on the real topic as another node would
 * send it. The two-node system test checks the same across processes.
 */
@ExtendWith(ArquillianExtension.class)
class NodesIT {

    private static final int AT_ONCE = 8;

    @Deployment
    static WebArchive war() {
        return Deployments.builtWar().addClasses(NodesIT.class, Fixtures.class, TestImages.class);
    }

    @Inject
    CustomerDirectory directory;

    @Inject
    CustomerStore customers;

    @Inject
    SpaceStore spaces;

    @Inject
    KeyStore keys;

    @Inject
    Leases leases;

    @Inject
    PriorityGate gate;

    @Inject
    Broadcast broadcast;

    @Inject
    ServedImages served;

    @Inject
    ImageRegistrar registrar;

    @Inject
    Authenticator authenticator;

    @Inject
    UsageRows usageRows;

    @Inject
    SignInFailures signInFailures;

    @Inject
    UserTransaction transaction;

    @Resource
    ManagedExecutorService executor;

    @Test
    void nodesStartingAtOnceMakeTheAdministratorAndItsFirstKeyOnce() throws Exception {
        long id = customers.list(0, Integer.MAX_VALUE).stream().mapToLong(Customer::id).max().orElse(1) + 1000;
        String name = "admin-race-" + UUID.randomUUID();
        List<Optional<NewKey>> made = allAtOnce(() -> {
            directory.ensureAdministrator(id, name);
            return keys.createFirst(id);
        });
        assertTrue(directory.find(id).orElseThrow().administrator());
        assertEquals(1, made.stream().filter(Optional::isPresent).count(), "one node generated the key");
        assertEquals(1, keys.countKeysOf(id));

        String configured = "configured-" + UUID.randomUUID();
        allAtOnce(() -> {
            keys.ensure(configured, "a secret of the configuration", id);
            return true;
        });
        assertTrue(keys.find(configured).isPresent(), "every node found or made the configured key");
        assertEquals(2, keys.countKeysOf(id));
    }

    @Test
    void ofNodesTakingTheFirstTurnOfAJobAtOnceExactlyOneGetsIt() throws Exception {
        String job = "it-turn-" + UUID.randomUUID();
        List<Boolean> turns = allAtOnce(() -> leases.takeTurn(job, Duration.ofHours(1)));
        assertEquals(1, turns.stream().filter(taken -> taken).count(), turns.toString());
        assertFalse(leases.takeTurn(job, Duration.ofHours(1)), "the next turn is an hour away");
    }

    @Test
    void normalWorkWaitsWhilePriorityWorkRunsOnAnotherNode() throws Exception {
        String otherNode = "priority:it-" + UUID.randomUUID().toString().substring(0, 8);
        assertTrue(leases.acquire(otherNode, Duration.ofMinutes(1)));
        try {
            Future<?> worker = executor.submit(gate::awaitPriorityWork);
            Thread.sleep(2000);
            assertFalse(worker.isDone(), "a normal worker waits while another node runs priority work");
            leases.release(otherNode);
            worker.get(5, TimeUnit.SECONDS);
        } finally {
            leases.release(otherNode);
        }
        assertFalse(leases.anyHeld(otherNode));
    }

    @Test
    void nodesIngestingANewCustomersFirstImagesAtOnceMakeItsUsageRowsOnceAndNoneFails() throws Exception {
        for (int round = 0; round < 3; round++) {
            Customer customer = customers.create("usage-race-" + UUID.randomUUID(), "Usage");
            // without turns, the creations that lose the race fail on the rows' key (the ingest is redelivered)
            List<Boolean> made = allAtOnce(() -> {
                usageRows.create(customer.id(), 1);
                return true;
            });
            assertEquals(AT_ONCE, made.size(), "every node went on with its ingest");
        }
    }

    @Test
    void failedSignInsOnNodesAtOnceAllCountAndTheSweepKeepsTheTableBounded() throws Exception {
        String name = "key it-" + UUID.randomUUID();
        Instant at = Instant.parse("3000-01-01T00:00:00Z");
        // the first failure of a name inserts its row: of nodes inserting at once, one does, the others count
        allAtOnce(() -> {
            signInFailures.failed(name, at, Instant.EPOCH);
            return true;
        });
        assertEquals(AT_ONCE, counted(name).failures(), "every failure counted");
        signInFailures.failed(name, at.plusSeconds(1), at.plusSeconds(1));
        assertEquals(1, counted(name).failures(), "a forgotten count starts again");

        String old = "address it-" + UUID.randomUUID();
        signInFailures.failed(old, Instant.parse("2000-01-01T00:00:00Z"), Instant.EPOCH);
        signInFailures.sweep(Instant.parse("2000-01-02T00:00:00Z"), Integer.MAX_VALUE);
        assertTrue(signInFailures.read(List.of(old)).orElseThrow().isEmpty(), "forgotten: swept");
        String newest = "key it-" + UUID.randomUUID();
        signInFailures.failed(newest, at.plusSeconds(2), Instant.EPOCH);
        signInFailures.sweep(Instant.EPOCH, 1);
        assertEquals(Set.of(newest), signInFailures.read(List.of(name, newest)).orElseThrow().keySet(),
                "beyond the bound, the oldest go");
        signInFailures.forget(newest);
        assertTrue(signInFailures.read(List.of(newest)).orElseThrow().isEmpty(), "a success forgets");
    }

    private SharedCounts.Counted counted(String name) {
        return signInFailures.read(List.of(name)).orElseThrow().get(name);
    }

    @Test
    void newsFromAnotherNodeMakesTheDeliveryCacheReadTheImageAgain() throws Exception {
        Customer customer = customers.create("nodes-" + UUID.randomUUID(), "Nodes");
        Space space = spaces.create(customer.id(), new SpaceSettings("news", null, null, null));
        registrar.registerFromBytes(space, "changed", ImageMetadata.none(),
                new ByteArrayInputStream(Fixtures.jpeg(300, 200)));
        String c = Long.toString(customer.id());
        String s = Integer.toString(space.number());
        ServedImage first = settled(c, s, "changed");
        assertSame(first, served.find(c, s, "changed"), "kept in memory");

        // as another node announces a change it committed: nothing changes here but the news
        transaction.begin();
        broadcast.send(new NodeNews("image-changed", customer.id() + "/" + space.number() + "/changed"),
                Duration.ofMinutes(1));
        transaction.commit();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        ServedImage now = served.find(c, s, "changed");
        while (now == first && System.nanoTime() < deadline) {
            Thread.sleep(50);
            now = served.find(c, s, "changed");
        }
        assertNotSame(first, now, "the news reached this node's cache through the topic");

        registrar.registerFromBytes(space, "changed", ImageMetadata.none(),
                new ByteArrayInputStream(Fixtures.jpeg(500, 400)));
        ServedImage reingested = served.find(c, s, "changed");
        assertEquals(500, reingested.width(), "a re-ingest is served at once");
        assertFalse(reingested.version().equals(first.version()));
    }

    @Test
    void newsOfASpaceFromAnotherNodeMakesTheDeliveryCacheReadEachOfItsImagesAgain() throws Exception {
        Customer customer = customers.create("nodes-" + UUID.randomUUID(), "Nodes");
        Space space = spaces.create(customer.id(), new SpaceSettings("space-news", null, null, null));
        String c = Long.toString(customer.id());
        String s = Integer.toString(space.number());
        List<ServedImage> kept = new ArrayList<>();
        for (String id : List.of("first", "second")) {
            registrar.registerFromBytes(space, id, ImageMetadata.none(), new ByteArrayInputStream(Fixtures.jpeg(300, 200)));
            kept.add(settled(c, s, id));
        }

        // as another node announces a transaction that changed many images of the space (a re-queued batch)
        transaction.begin();
        broadcast.send(new NodeNews("space-changed", customer.id() + "/" + space.number()), Duration.ofMinutes(1));
        transaction.commit();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while ((served.find(c, s, "first") == kept.get(0) || served.find(c, s, "second") == kept.get(1))
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertNotSame(kept.get(0), served.find(c, s, "first"), "the news of the space reached this node's cache");
        assertNotSame(kept.get(1), served.find(c, s, "second"));
    }

    @Test
    void newsFromAnotherNodeOfAChangedSecretEndsTheRememberedSignIn() throws Exception {
        Customer customer = customers.create("nodes-" + UUID.randomUUID(), "Nodes");
        NewKey key = keys.create(customer.id());
        assertTrue(authenticator.authenticate(key.key(), key.secret(), "127.0.0.9").isPresent());

        // another node gives the key a new secret: its row changes, nothing is said here but the news
        String stored = keys.find(key.key()).orElseThrow().secretHash();
        keys.replaceHash(key.key(), stored, new SecretHasher().hash("the new secret"));
        assertTrue(authenticator.authenticate(key.key(), key.secret(), "127.0.0.9").isPresent(), "remembered");
        transaction.begin();
        broadcast.send(new NodeNews("key-changed", key.key()), Duration.ofMinutes(1));
        transaction.commit();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        boolean signedIn = true;
        while (signedIn && System.nanoTime() < deadline) {
            Thread.sleep(50);
            signedIn = authenticator.authenticate(key.key(), key.secret(), "127.0.0.9").isPresent();
        }
        assertFalse(signedIn, "the old secret no longer signs in once the news has come");
    }

    /** The image as kept once the news of its own registration has come round and been heard. */
    private ServedImage settled(String c, String s, String id) throws InterruptedException {
        ServedImage kept = served.find(c, s, id);
        for (int i = 0; i < 40; i++) {
            Thread.sleep(250);
            ServedImage again = served.find(c, s, id);
            if (again == kept) {
                return kept;
            }
            kept = again;
        }
        throw new AssertionError("the image is never kept");
    }

    /** Runs {@code work} on {@link #AT_ONCE} threads released together, as nodes starting at one moment. */
    private <T> List<T> allAtOnce(Callable<T> work) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> running = new ArrayList<>();
        for (int i = 0; i < AT_ONCE; i++) {
            running.add(executor.submit(() -> {
                start.await();
                return work.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> one : running) {
            results.add(one.get(60, TimeUnit.SECONDS));
        }
        return results;
    }
}
