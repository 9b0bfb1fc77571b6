package dlcs.ingest.control;

import dlcs.registration.control.IngestFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dlcs.metrics.control.Meters;
import dlcs.metrics.control.PrometheusText;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Outcomes count once they are so: an ingest when its transaction commits, a retry at once. */
class IngestMeterTest {

    private final Meters meters = new Meters();
    private final Transaction transaction = new Transaction();
    private final IngestMeter meter = new IngestMeter();

    IngestMeterTest() {
        meter.meters = meters;
        meter.depths = new QueueDepths();
        meter.transactions = transaction;
        meter.register();
    }

    private PrometheusText scrape() {
        return PrometheusText.parse(meters.scrape());
    }

    @Test
    void anIngestCountsWhenItsTransactionCommits() {
        meter.ended(IngestOutcome.completed(1_000), 2_000_000_000L);
        meter.ended(IngestOutcome.failed(IngestFailure.UNREADABLE), 1_000_000L);
        assertEquals(0, scrape().sum("dlcs_ingest_images_total"));

        transaction.end(Status.STATUS_COMMITTED);
        PrometheusText text = scrape();
        assertEquals(1, text.sum("dlcs_ingest_images_total"));
        assertEquals(1, text.sum("dlcs_ingest_seconds_count"));
        assertEquals(2.0, text.sum("dlcs_ingest_seconds_sum"), 1e-9);
        assertEquals(1, text.sum("dlcs_ingest_failures_total", "reason", "unreadable", "outcome", "error"));
    }

    @Test
    void anOutcomeThatDidNotCommitIsARetry() {
        meter.ended(IngestOutcome.completed(1_000), 1_000_000L);
        transaction.end(Status.STATUS_ROLLEDBACK);
        PrometheusText text = scrape();
        assertEquals(0, text.sum("dlcs_ingest_images_total"));
        assertEquals(1, text.sum("dlcs_ingest_failures_total", "reason", "not_committed", "outcome", "retry"));
    }

    @Test
    void aRetryCountsAtOnceAndNothingCountsNothing() {
        meter.ended(IngestOutcome.retried(IngestFailure.ORIGIN_UNAVAILABLE), 1_000_000L);
        meter.ended(IngestOutcome.NOTHING, 1_000_000L);
        PrometheusText text = scrape();
        assertEquals(1, text.sum("dlcs_ingest_failures_total", "reason", "origin_unavailable", "outcome", "retry"));
        assertEquals(1, text.sum("dlcs_ingest_failures_total"));
        assertEquals(0, text.sum("dlcs_ingest_images_total"));
    }

    /** One transaction in progress, ended by the test. */
    private static final class Transaction implements TransactionSynchronizationRegistry {
        private final List<Synchronization> synchronizations = new ArrayList<>();

        void end(int status) {
            synchronizations.forEach(synchronization -> synchronization.afterCompletion(status));
            synchronizations.clear();
        }

        @Override
        public Object getTransactionKey() {
            return this;
        }

        @Override
        public void registerInterposedSynchronization(Synchronization synchronization) {
            synchronizations.add(synchronization);
        }

        @Override
        public void putResource(Object key, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object getResource(Object key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int getTransactionStatus() {
            return Status.STATUS_ACTIVE;
        }

        @Override
        public void setRollbackOnly() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }
}
