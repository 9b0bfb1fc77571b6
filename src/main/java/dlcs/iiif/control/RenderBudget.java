package dlcs.iiif.control;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The memory renders may hold at once ({@code dlcs.iiif.render-budget-mb}, a third of the heap
 * unless set). Each render takes a share of it, what it may need at its peak, and holds it until
 * its body is written, so that many large requests at once wait for each other instead of
 * exhausting the heap. A render that needs more than the whole budget takes all of it: it waits
 * for all others and runs alone. Waiting is first come, first served, so that a stream of small
 * renders cannot starve a large one; a render that has waited {@code dlcs.iiif.budget-wait-seconds}
 * gives up with a 503 ({@link RenderUnavailableException}), so that a flood of large requests
 * ends in quick refusals instead of a queue of threads that grows without end.
 */
final class RenderBudget {

    /** Counted in kilobytes: a semaphore counts in ints. */
    private static final int KB = 1024;
    private static final long MB = 1024 * 1024;

    private final Semaphore free;
    private final int kilobytes;
    private final long waitNanos;

    /** A budget of {@code bytes}, for which a render waits at most {@code wait}. */
    RenderBudget(long bytes, Duration wait) {
        kilobytes = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytes / KB));
        free = new Semaphore(kilobytes, true);
        waitNanos = wait.toNanos();
    }

    /**
     * The budget {@code dlcs.iiif.render-budget-mb} sets, or a third of the heap when it is unset or
     * not positive; waited for at most {@code waitSeconds} ({@code dlcs.iiif.budget-wait-seconds}, at least 1).
     */
    static RenderBudget configured(Optional<Long> megabytes, long waitSeconds) {
        return new RenderBudget(megabytes.filter(mb -> mb > 0).orElse(Runtime.getRuntime().maxMemory() / 3 / MB)
                * MB, Duration.ofSeconds(Math.max(1, waitSeconds)));
    }

    /**
     * Waits until {@code bytes} are free (or the whole budget, if it is smaller) and takes them;
     * 503 with {@code Retry-After} once it has waited its time, or if its thread is interrupted.
     */
    Share take(long bytes) {
        int share = (int) Math.min(kilobytes, Math.max(1, bytes / KB));
        boolean taken;
        try {
            taken = free.tryAcquire(share, waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            taken = false;
        }
        if (!taken) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos));
            throw new RenderUnavailableException("The server is busy with other large images and this one waited"
                    + " its " + seconds + " seconds for memory to render in; try again shortly, or ask for a smaller"
                    + " size.", seconds);
        }
        return new Share(free, share);
    }

    /** The bytes no render holds now (counted in whole kilobytes). */
    long freeBytes() {
        return (long) free.availablePermits() * KB;
    }

    /** A render's part of the budget. Closing it gives it back: once, however often it is closed. */
    static final class Share implements AutoCloseable {

        /** No part of the budget: for what is sent as stored, not rendered. */
        static final Share NONE = new Share(new Semaphore(0), 0);

        private final Semaphore budget;
        private final int kilobytes;
        private final AtomicBoolean held = new AtomicBoolean(true);

        private Share(Semaphore budget, int kilobytes) {
            this.budget = budget;
            this.kilobytes = kilobytes;
        }

        @Override
        public void close() {
            if (held.getAndSet(false)) {
                budget.release(kilobytes);
            }
        }
    }
}
