package dlcs.iiif.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dlcs.common.CacheCounts;
import dlcs.metrics.control.Meters;
import dlcs.metrics.control.PrometheusText;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Delivery's figures: each request counted once under its final kind and status class, budget waits, caches. */
class DeliveryMeterTest {

    private final Meters meters = new Meters();
    private final DeliveryMeter meter = meter(meters);

    /** A meter on {@code meters}, as the container makes it. */
    static DeliveryMeter meter(Meters meters) {
        DeliveryMeter meter = new DeliveryMeter();
        meter.meters = meters;
        meter.register();
        return meter;
    }

    @Test
    void aRequestCountsOnceUnderTheKindItTurnedOutToBe() {
        DeliveryMeter.Delivery rendered = meter.start(DeliveryMeter.Kind.IMAGE);
        rendered.is(DeliveryMeter.Kind.RENDER);
        rendered.end(200);
        meter.start(DeliveryMeter.Kind.INFO).end(304);
        meter.start(DeliveryMeter.Kind.IMAGE).end(404);
        meter.start(DeliveryMeter.Kind.THUMBNAIL).end(503);

        PrometheusText text = PrometheusText.parse(meters.scrape());
        assertEquals(1, text.sum("dlcs_delivery_requests_total", "kind", "render", "status", "2xx"));
        assertEquals(1, text.sum("dlcs_delivery_requests_total", "kind", "render"));
        assertEquals(0, text.sum("dlcs_delivery_requests_total", "kind", "image", "status", "2xx"));
        assertEquals(1, text.sum("dlcs_delivery_requests_total", "kind", "info", "status", "3xx"));
        assertEquals(1, text.sum("dlcs_delivery_requests_total", "kind", "image", "status", "4xx"));
        assertEquals(1, text.sum("dlcs_delivery_requests_total", "kind", "thumbnail", "status", "5xx"));
        assertEquals(4, text.sum("dlcs_delivery_requests_total"));
        assertEquals(1, text.sum("dlcs_delivery_seconds_count", "kind", "render"));
        assertEquals(0, text.sum("dlcs_delivery_seconds_count", "kind", "stored_tile"));
    }

    @Test
    void budgetWaitsAreTimedAndRefusalsCounted() {
        RenderBudget budget = new RenderBudget(1024 * 1024, Duration.ofMillis(20));
        meter.budget(budget);
        RenderBudget.Share all = meter.take(budget, 1024 * 1024);
        PrometheusText during = PrometheusText.parse(meters.scrape());
        assertEquals(0, during.sum("dlcs_render_budget_free_bytes"));
        assertThrows(RenderUnavailableException.class, () -> meter.take(budget, 1024));
        all.close();

        PrometheusText text = PrometheusText.parse(meters.scrape());
        assertEquals(1, text.sum("dlcs_render_budget_wait_seconds_count"));
        assertEquals(1, text.sum("dlcs_render_budget_refusals_total"));
        assertEquals(1024 * 1024, text.sum("dlcs_render_budget_free_bytes"));
    }

    @Test
    void aCacheShowsItsHitsAndMisses() {
        CacheCounts counts = new CacheCounts();
        meter.cache("tiles", counts);
        counts.hit();
        counts.hit();
        counts.miss();
        PrometheusText text = PrometheusText.parse(meters.scrape());
        assertEquals(2, text.sum("dlcs_cache_hits_total", "cache", "tiles"));
        assertEquals(1, text.sum("dlcs_cache_misses_total", "cache", "tiles"));
    }
}
