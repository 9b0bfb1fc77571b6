package dlcs.storage.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * While held, derivative versions in a directory store are not deleted: a backup copies the
 * database first and the derivatives after, and a version that the database copy names must
 * still be there when the derivatives are copied, although the live server may have replaced or
 * deleted its image in between. A deletion asked for meanwhile is skipped, not queued: the version
 * is an orphan then, and the orphan sweep removes it later like any other. A deletion that began
 * before the hold needs no waiting for: it removes a version whose image had let it go in a
 * transaction that committed before the hold, so before the database copy began, and that the
 * copy therefore does not name (version names are never reused).
 */
@ApplicationScoped
public class DeletionHold {

    private final AtomicInteger holders = new AtomicInteger();

    /** Holds deletions until the returned hold is closed. */
    public Held hold() {
        holders.incrementAndGet();
        return new Held(holders);
    }

    /** Whether deletions are held now. */
    public boolean active() {
        return holders.get() > 0;
    }

    /** One hold; closing it twice releases it once. */
    public static final class Held implements AutoCloseable {

        private final AtomicInteger holders;
        private boolean released;

        private Held(AtomicInteger holders) {
            this.holders = holders;
        }

        @Override
        public synchronized void close() {
            if (!released) {
                released = true;
                holders.decrementAndGet();
            }
        }
    }
}
