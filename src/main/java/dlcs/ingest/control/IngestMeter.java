package dlcs.ingest.control;

import dlcs.registration.control.IngestFailure;
import dlcs.metrics.control.Meters;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The figures of queued ingest: images ingested and how long each took, failures by
 * {@link IngestFailure} (retried, or recorded as the member's error), and the depth of the
 * queues ({@link QueueDepths}). A completed or failed member counts once its transaction has
 * committed, since only then is it so; a retry counts at once, since its rollback is what makes it one.
 */
@ApplicationScoped
public class IngestMeter {

    @Inject
    Meters meters;

    @Inject
    QueueDepths depths;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private Meters.Count ingested;
    private Meters.Time durations;
    private final Map<IngestFailure, Meters.Count> errors = new EnumMap<>(IngestFailure.class);
    private final Map<IngestFailure, Meters.Count> retries = new EnumMap<>(IngestFailure.class);

    @PostConstruct
    void register() {
        ingested = meters.counter("dlcs.ingest.images", "Images ingested from the queues (their derivatives made"
                + " and recorded)");
        durations = meters.timer("dlcs.ingest", "Time to ingest one queued image: fetch, derivative, record",
                Duration.ofMillis(10), Duration.ofMinutes(30));
        String help = "Failed ingest attempts, by reason; outcome error is the member's final error, retry goes"
                + " back to the queue";
        for (IngestFailure failure : IngestFailure.values()) {
            errors.put(failure, meters.counter("dlcs.ingest.failures", help, "reason", failure.label(),
                    "outcome", "error"));
            retries.put(failure, meters.counter("dlcs.ingest.failures", help, "reason", failure.label(),
                    "outcome", "retry"));
        }
        depths.register(meters);
    }

    /** Made when the application starts, so that the figures are there, at zero, before any ingest. */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // creating the bean registers them
    }

    /** One attempt ended with {@code outcome}, after {@code nanos}. */
    void ended(IngestOutcome outcome, long nanos) {
        switch (outcome.ending()) {
            case COMPLETED -> afterCommit(() -> {
                ingested.increment();
                durations.record(nanos);
            });
            case FAILED -> afterCommit(() -> errors.get(outcome.failure()).increment());
            case RETRIED -> retries.get(outcome.failure()).increment();
            case NOTHING -> {
                // not an ingest: the member had ended, or its image was taken over
            }
        }
    }

    private void afterCommit(Runnable count) {
        if (transactions == null || transactions.getTransactionKey() == null) {
            count.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // counted after, never before
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    count.run();
                } else {
                    retries.get(IngestFailure.NOT_COMMITTED).increment();
                }
            }
        });
    }
}
