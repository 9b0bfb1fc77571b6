package dlcs.iiif.control;

import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The memory renders may hold at once ({@code dlcs.iiif.render-budget-mb}, a third of the heap
 * unless set). Each render takes a share of it, what it may need at its peak, and holds it until
 * its body is written, so that many large requests at once wait for each other instead of
 * exhausting the heap. A render that needs more than the whole budget takes all of it: it waits
 * for all others and runs alone. Waiting is first come, first served, so that a stream of small
 * renders cannot starve a large one; it has no time limit.
 */
final class RenderBudget {

    /** Counted in kilobytes: a semaphore counts in ints. */
    private static final int KB = 1024;
    private static final long MB = 1024 * 1024;

    private final Semaphore free;
    private final int kilobytes;

    RenderBudget(long bytes) {
        kilobytes = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytes / KB));
        free = new Semaphore(kilobytes, true);
    }

    /** The budget {@code dlcs.iiif.render-budget-mb} sets, or a third of the heap when it is unset or not positive. */
    static RenderBudget configured(Optional<Long> megabytes) {
        return new RenderBudget(megabytes.filter(mb -> mb > 0).orElse(Runtime.getRuntime().maxMemory() / 3 / MB)
                * MB);
    }

    /** Waits until {@code bytes} are free (or the whole budget, if it is smaller) and takes them. */
    Share take(long bytes) {
        int share = (int) Math.min(kilobytes, Math.max(1, bytes / KB));
        free.acquireUninterruptibly(share);
        return new Share(free, share);
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
