package dlcs.iiif.control;

import dlcs.common.CacheCounts;
import dlcs.metrics.control.Meters;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;

/**
 * The figures of delivery: requests by kind and status class, their latency, the caches' hits
 * and misses, and the waits for the render budget. Every meter is made once, when the bean
 * starts, and kept in arrays indexed by kind and status, so that a request (a tile is the hot
 * path) costs two clock reads, one add and one histogram update.
 */
@ApplicationScoped
public class DeliveryMeter {

    /** What a delivery request was for: the label {@code kind}. */
    public enum Kind {
        /** An info.json of the image or thumbnail service, or its base URI's redirect to it. */
        INFO,
        /** A tile sent as it is stored, with no decoding. */
        STORED_TILE,
        /** Any other image request: decoded, resized, encoded. */
        RENDER,
        /** A stored thumbnail. */
        THUMBNAIL,
        /** A IIIF Presentation manifest. */
        MANIFEST,
        /** An image request that failed before it was known how it would be answered (a 4xx, mostly). */
        IMAGE;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final String[] STATUSES = {"2xx", "3xx", "4xx", "5xx"};

    @Inject
    Meters meters;

    private Meters.Time[] latencies;
    private Meters.Count[][] requests;
    private Meters.Time budgetWaits;
    private Meters.Count budgetRefusals;

    @PostConstruct
    void register() {
        Kind[] kinds = Kind.values();
        latencies = new Meters.Time[kinds.length];
        requests = new Meters.Count[kinds.length][STATUSES.length];
        for (Kind kind : kinds) {
            latencies[kind.ordinal()] = meters.timer("dlcs.delivery", "Time to answer a delivery request, until"
                    + " its body is handed to the connection", Duration.ofNanos(100_000), Duration.ofSeconds(30),
                    "kind", kind.label());
            for (int status = 0; status < STATUSES.length; status++) {
                requests[kind.ordinal()][status] = meters.counter("dlcs.delivery.requests", "Delivery requests"
                        + " answered, by kind and status class", "kind", kind.label(), "status", STATUSES[status]);
            }
        }
        budgetWaits = meters.timer("dlcs.render.budget.wait", "Time a render waited for its share of the render"
                + " memory budget (dlcs.iiif.render-budget-mb)", Duration.ofNanos(100_000), Duration.ofSeconds(60));
        budgetRefusals = meters.counter("dlcs.render.budget.refusals", "Renders refused with 503 after waiting"
                + " dlcs.iiif.budget-wait-seconds for the render budget");
    }

    /** Made when the application starts, so that the figures are there, at zero, before any request. */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // creating the bean registers them
    }

    /** A request being answered, as {@code kind} unless it finds out otherwise; ended once answered. */
    public Delivery start(Kind kind) {
        return new Delivery(kind, System.nanoTime());
    }

    /** One request: its kind as far as it is known, and when it started. Not shared between threads. */
    public final class Delivery {
        private Kind kind;
        private final long started;

        private Delivery(Kind kind, long started) {
            this.kind = kind;
            this.started = started;
        }

        /** What the request turned out to be. */
        public void is(Kind what) {
            kind = what;
        }

        /** The request is answered with {@code status}. */
        public void end(int status) {
            record(kind, status, System.nanoTime() - started);
        }
    }

    /** A request of {@code kind} answered with {@code status} in {@code nanos}, timed by the caller. */
    public void record(Kind kind, int status, long nanos) {
        latencies[kind.ordinal()].record(nanos);
        requests[kind.ordinal()][Math.max(0, Math.min(STATUSES.length - 1, status / 100 - 2))].increment();
    }

    /** Takes a share of the render budget, timing the wait and counting a refusal. */
    RenderBudget.Share take(RenderBudget budget, long bytes) {
        long start = System.nanoTime();
        try {
            RenderBudget.Share share = budget.take(bytes);
            budgetWaits.record(System.nanoTime() - start);
            return share;
        } catch (RenderUnavailableException e) {
            budgetRefusals.increment();
            throw e;
        }
    }

    /** The free part of the render budget, read at each scrape. */
    void budget(RenderBudget budget) {
        meters.gauge("dlcs.render.budget.free.bytes", "Memory of the render budget not held by a render now",
                budget::freeBytes);
    }

    /** A cache's hits and misses, as {@code dlcs_cache_hits_total{cache=name}} and its misses. */
    public void cache(String name, CacheCounts counts) {
        meters.counted("dlcs.cache.hits", "Lookups that found what they asked for, by cache", counts::hits,
                "cache", name);
        meters.counted("dlcs.cache.misses", "Lookups that did not, by cache", counts::misses, "cache", name);
    }
}
