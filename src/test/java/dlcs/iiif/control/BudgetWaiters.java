package dlcs.iiif.control;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Whether a thread is waiting for the {@link RenderBudget}, seen from its stack: for tests that
 * must know a render waits, without a hook in the budget and without guessing with a sleep.
 */
final class BudgetWaiters {

    private static final long PATIENCE_SECONDS = 10;

    private BudgetWaiters() {
    }

    /** Returns once {@code thread} is parked in {@link RenderBudget#take}; fails after ten seconds. */
    static void awaitWaiting(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (!waiting(thread)) {
            if (!thread.isAlive() || System.nanoTime() - deadline > 0) {
                fail(thread.getName() + " did not wait for the render budget");
            }
            Thread.sleep(1);
        }
    }

    /**
     * One stack snapshot, so one instant: the thread is parked (the innermost frame), and
     * {@link RenderBudget#take} is what parked it, as nothing else it calls parks.
     */
    private static boolean waiting(Thread thread) {
        StackTraceElement[] stack = thread.getStackTrace();
        return stack.length > 0 && stack[0].getMethodName().equals("park")
                && Arrays.stream(stack).anyMatch(frame -> frame.getClassName().equals(RenderBudget.class.getName())
                        && frame.getMethodName().equals("take"));
    }
}
