package dlcs.iiif.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Shares of the render budget: taken at once when free, waited for when not (and not for ever),
 * given back once.
 */
class RenderBudgetTest {

    private static final long KB = 1024;
    private static final long MB = 1024 * KB;
    private static final Duration AT_ONCE = Duration.ofSeconds(10);

    private final RenderBudget budget = new RenderBudget(MB, Duration.ofSeconds(60));

    /** A take on a thread of its own, so that it can be seen waiting. */
    private static final class Taker {
        private final FutureTask<RenderBudget.Share> share;
        private final Thread thread;

        Taker(RenderBudget budget, long bytes) {
            share = new FutureTask<>(() -> budget.take(bytes));
            thread = new Thread(share, "take " + bytes + " bytes");
            thread.setDaemon(true);
            thread.start();
        }

        Taker waiting() throws InterruptedException {
            BudgetWaiters.awaitWaiting(thread);
            assertFalse(share.isDone());
            return this;
        }

        RenderBudget.Share taken() throws InterruptedException, ExecutionException, TimeoutException {
            return share.get(AT_ONCE.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static RenderBudget.Share takeAtOnce(RenderBudget budget, long bytes) {
        return assertTimeoutPreemptively(AT_ONCE, () -> budget.take(bytes), "the budget had the bytes free");
    }

    /** Takes {@code free} at once, then sees a take of {@code more} wait until that is given back. */
    private static void assertFree(RenderBudget budget, long free, long more) throws Exception {
        RenderBudget.Share taken = takeAtOnce(budget, free);
        Taker next = new Taker(budget, more).waiting();
        taken.close();
        next.taken().close();
    }

    @Test
    void sharesWithinTheBudgetAreTakenAtOnce() {
        takeAtOnce(budget, MB / 2);
        takeAtOnce(budget, MB / 4);
        takeAtOnce(budget, MB / 4);
    }

    @Test
    void aTakeWaitsUntilEnoughIsGivenBack() throws Exception {
        assertFree(budget, 3 * MB / 4, MB / 2);
    }

    @Test
    void closingAShareTwiceGivesItBackOnce() throws Exception {
        RenderBudget.Share all = takeAtOnce(budget, MB);
        all.close();
        all.close();
        // had the second close given a megabyte back again, a take of one kilobyte more would not wait
        assertFree(budget, MB, KB);
    }

    @Test
    void moreThanTheWholeBudgetTakesAllOfItAndWaitsForAllOthers() throws Exception {
        RenderBudget.Share small = takeAtOnce(budget, KB);
        Taker huge = new Taker(budget, 10 * MB).waiting();
        small.close();
        RenderBudget.Share all = huge.taken();
        Taker next = new Taker(budget, KB).waiting();
        all.close();
        next.taken().close();
    }

    @Test
    void aWaitingTakeIsNotOvertakenByLaterSmallerOnes() throws Exception {
        RenderBudget.Share half = takeAtOnce(budget, MB / 2);
        Taker all = new Taker(budget, MB).waiting();
        // half the budget is free, but the take of all of it came first
        Taker small = new Taker(budget, KB).waiting();
        half.close();
        RenderBudget.Share whole = all.taken();
        small.waiting();
        whole.close();
        small.taken().close();
    }

    @Test
    void aTakeThatWaitsTooLongIs503WithRetryAfterAndTakesNothing() throws Exception {
        RenderBudget impatient = new RenderBudget(MB, Duration.ofMillis(200));
        RenderBudget.Share all = takeAtOnce(impatient, MB);
        RenderUnavailableException refused = assertTimeoutPreemptively(AT_ONCE,
                () -> assertThrows(RenderUnavailableException.class, () -> impatient.take(KB)));
        assertEquals(503, refused.status());
        assertEquals(Map.of("Retry-After", "1"), refused.headers(), "whole seconds, at least one");
        assertTrue(refused.isTransient());
        all.close();
        // the refused take left the budget whole: all of it can be taken again at once
        takeAtOnce(impatient, MB).close();
    }

    @Test
    void theConfiguredWaitIsInSecondsAndSaidInRetryAfter() throws Exception {
        RenderBudget configured = RenderBudget.configured(Optional.of(1L), 1);
        RenderBudget.Share all = takeAtOnce(configured, MB);
        RenderUnavailableException refused = assertThrows(RenderUnavailableException.class,
                () -> configured.take(KB));
        assertEquals("1", refused.headers().get("Retry-After"));
        all.close();
    }

    @Test
    void theConfiguredBudgetIsInMegabytes() throws Exception {
        assertFree(RenderBudget.configured(Optional.of(2L), 60), 2 * MB, KB);
    }

    @Test
    void anUnsetBudgetIsAThirdOfTheHeap() throws Exception {
        long third = Runtime.getRuntime().maxMemory() / 3;
        // whole megabytes: between a third of the heap less one megabyte and a third
        assertFree(RenderBudget.configured(Optional.empty(), 60), third - 2 * MB, 3 * MB);
        assertFree(RenderBudget.configured(Optional.of(0L), 60), third - 2 * MB, 3 * MB);
    }
}
