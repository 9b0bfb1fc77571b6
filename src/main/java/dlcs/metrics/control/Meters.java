package dlcs.metrics.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * The application's figures, and the one class that speaks to the metrics library (Micrometer,
 * with its Prometheus registry): the features make their counters, timers and gauges here, keep
 * the handles (so that a hot path only adds to one), and never see the library. Names are
 * dotted ({@code dlcs.ingest.images}); the scrape writes them as Prometheus names
 * ({@code dlcs_ingest_images_total}, {@code dlcs_delivery_seconds_bucket}). Label values must come
 * from small fixed sets (an enum's labels, a scheme): never an id, a customer or a URL, which
 * would make a series per image and let a caller grow the registry at will.
 */
@ApplicationScoped
public class Meters {

    /** The media type of {@link #scrape()}: Prometheus text format 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** The library holds what a gauge reads only weakly: a supplier made for it would be collected. */
    private final List<Object> held = new CopyOnWriteArrayList<>();

    /** Something that only goes up. */
    public interface Count {
        void add(long amount);

        default void increment() {
            add(1);
        }
    }

    /**
     * Durations, as a histogram: its buckets give the percentiles in PromQL
     * ({@code histogram_quantile}), over any window, and add up across nodes, which quantiles
     * computed here would not (and the Prometheus registry writes no quantiles beside buckets).
     */
    public interface Time {
        void record(long nanos);
    }

    /** A counter {@code name} with {@code help}, and its labels as name, value pairs. */
    public Count counter(String name, String help, String... labels) {
        Counter counter = Counter.builder(name).description(help).tags(Tags.of(labels)).register(registry);
        return counter::increment;
    }

    /**
     * A timer whose buckets step 1, 2.5, 5, 10, ... from {@code shortest} up to {@code longest} (a
     * longer time counts in {@code +Inf} only): some fifteen buckets per series, enough for a
     * percentile within its bucket, few enough to keep the scrape small.
     */
    public Time timer(String name, String help, Duration shortest, Duration longest, String... labels) {
        Timer timer = Timer.builder(name).description(help).tags(Tags.of(labels))
                .serviceLevelObjectives(buckets(shortest, longest)).register(registry);
        return nanos -> timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The upper bounds 1, 2.5, 5 times each power of ten from {@code shortest}, and {@code longest}. */
    static Duration[] buckets(Duration shortest, Duration longest) {
        List<Duration> bounds = new ArrayList<>();
        for (long decade = shortest.toNanos(); decade <= longest.toNanos(); decade = Math.multiplyExact(decade, 10)) {
            for (long bound : new long[]{decade, decade * 5 / 2, decade * 5}) {
                if (bound < longest.toNanos()) {
                    bounds.add(Duration.ofNanos(bound));
                }
            }
        }
        bounds.add(longest);
        return bounds.toArray(Duration[]::new);
    }

    /** A gauge read at each scrape; {@code value} must be quick and must not throw. */
    public void gauge(String name, String help, DoubleSupplier value, String... labels) {
        held.add(value);
        Gauge.builder(name, value, DoubleSupplier::getAsDouble).description(help).tags(Tags.of(labels))
                .register(registry);
    }

    /** A counter kept elsewhere (a cache's hits), read at each scrape; it must only go up. */
    public void counted(String name, String help, LongSupplier value, String... labels) {
        held.add(value);
        FunctionCounter.builder(name, value, LongSupplier::getAsLong).description(help)
                .tags(Tags.of(labels)).register(registry);
    }

    /** Every figure, in Prometheus text format ({@link #CONTENT_TYPE}). */
    public String scrape() {
        return registry.scrape();
    }
}
