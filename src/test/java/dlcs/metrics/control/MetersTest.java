package dlcs.metrics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The facade's figures as Prometheus reads them: names, types, labels, values. */
class MetersTest {

    private final Meters meters = new Meters();

    @Test
    void aCounterIsWrittenWithTotalItsHelpAndItsLabels() {
        Meters.Count count = meters.counter("dlcs.test.things", "Things counted", "kind", "a");
        count.increment();
        count.add(2);
        String scrape = meters.scrape();
        assertTrue(scrape.contains("# HELP dlcs_test_things_total Things counted"), scrape);
        assertTrue(scrape.contains("# TYPE dlcs_test_things_total counter"), scrape);
        assertEquals(3, PrometheusText.parse(scrape).sum("dlcs_test_things_total", "kind", "a"));
    }

    @Test
    void aTimerIsAHistogramInSeconds() {
        Meters.Time time = meters.timer("dlcs.test", "Time taken", Duration.ofMillis(1), Duration.ofSeconds(10),
                "kind", "b");
        time.record(Duration.ofMillis(20).toNanos());
        time.record(Duration.ofMillis(40).toNanos());
        String scrape = meters.scrape();
        PrometheusText text = PrometheusText.parse(scrape);
        assertEquals(2, text.sum("dlcs_test_seconds_count", "kind", "b"), scrape);
        assertEquals(0.06, text.sum("dlcs_test_seconds_sum", "kind", "b"), 1e-9);
        assertEquals(2, text.sum("dlcs_test_seconds_bucket", "kind", "b", "le", "+Inf"));
        assertEquals(0, text.sum("dlcs_test_seconds_bucket", "kind", "b", "le", "0.001"));
        assertEquals(1, text.sum("dlcs_test_seconds_bucket", "kind", "b", "le", "0.025"), scrape);
        assertEquals(2, text.sum("dlcs_test_seconds_bucket", "kind", "b", "le", "0.05"), scrape);
        assertEquals(0.04, text.sum("dlcs_test_seconds_max", "kind", "b"), 1e-9);
    }

    @Test
    void timerBucketsStepOneTwoAndAHalfFiveUpToTheLongest() {
        assertEquals(List.of(Duration.ofMillis(1), Duration.ofNanos(2_500_000), Duration.ofMillis(5), Duration.ofMillis(10),
                Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
                Duration.ofSeconds(10), Duration.ofSeconds(25), Duration.ofSeconds(30)),
                List.of(Meters.buckets(Duration.ofMillis(1), Duration.ofSeconds(30))));
    }

    @Test
    void gaugesAndCountersKeptElsewhereAreReadAtEachScrape() {
        AtomicLong hits = new AtomicLong();
        meters.counted("dlcs.test.hits", "Hits", hits::get, "cache", "c");
        meters.gauge("dlcs.test.depth", "Depth", () -> 7, "queue", "q");
        hits.set(5);
        System.gc();
        PrometheusText text = PrometheusText.parse(meters.scrape());
        assertEquals(5, text.sum("dlcs_test_hits_total", "cache", "c"));
        assertEquals(7, text.sum("dlcs_test_depth", "queue", "q"));
    }
}
