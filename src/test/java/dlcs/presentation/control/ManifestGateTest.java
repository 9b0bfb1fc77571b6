package dlcs.presentation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ManifestGateTest {

    private static ManifestGate gate(int turns, long waitMillis) {
        ManifestGate gate = new ManifestGate();
        gate.maxConcurrent = turns;
        gate.waitMillis = waitMillis;
        gate.open();
        return gate;
    }

    @Test
    void aBuildBeyondTheTurnsWaitsItsLimitThenIsAskedToComeBack() throws Exception {
        ManifestGate gate = gate(1, 50);
        CountDownLatch building = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> first = pool.submit(() -> gate.build(() -> {
                building.countDown();
                await(finish);
                return "first";
            }));
            building.await();
            long start = System.nanoTime();
            ManifestsBusyException busy = assertThrows(ManifestsBusyException.class, () -> gate.build(() -> "second"));
            assertTrue(System.nanoTime() - start >= 40_000_000L, "it waited for a turn first");
            assertEquals(503, busy.status());
            assertEquals("1", busy.headers().get("Retry-After"));
            assertTrue(busy.getMessage().contains("dlcs.presentation.max-concurrent"), busy.getMessage());
            finish.countDown();
            assertEquals("first", first.get());
            assertEquals("third", gate.build(() -> "third"), "a turn is free again once a build ends");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedBuildGivesItsTurnBack() {
        ManifestGate gate = gate(1, 0);
        assertThrows(IllegalStateException.class, () -> gate.build(() -> {
            throw new IllegalStateException("the query failed");
        }));
        assertEquals("next", gate.build(() -> "next"));
    }

    @Test
    void noSettingMeansOneTurnPerCore() {
        assertEquals(Runtime.getRuntime().availableProcessors(), ManifestGate.permits(0));
        assertEquals(3, ManifestGate.permits(3));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
