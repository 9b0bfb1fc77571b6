package dlcs.iiif.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.iiif.entity.ApiVersion;
import dlcs.iiif.entity.ImageRequest;
import dlcs.iiif.entity.InvalidIiifRequestException;
import dlcs.iiif.entity.Limits;
import dlcs.iiif.entity.UnsupportedIiifRequestException;
import dlcs.imaging.TestImages;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random and extreme values of every segment of an image request, thrown at the parsers and at
 * the renderer: whatever comes, the answer is a render (200), a request refused as invalid (400)
 * or as not implemented (501), each within a few seconds. Nothing else: no overflow, no other
 * exception (a 500), no render that never ends.
 */
class ExtremeRequestsTest {

    /** Long enough for any render within {@link #RENDER_LIMITS} on a slow machine; an endless loop fails it. */
    private static final Duration PROMPTLY = Duration.ofSeconds(5);
    /** The server's defaults: a resolved request is checked against them, not rendered. */
    private static final Limits DEFAULT_LIMITS = new Limits(65_500, 16_000_000);
    /** Smaller, so that the renders of a few hundred tries take seconds, not minutes. */
    private static final Limits RENDER_LIMITS = new Limits(65_500, 2_000_000);
    /** The stored images: short sides of 1600 (the reported case), a sliver, and a single pixel. */
    private static final int[][] SIZES = {{1600, 1600}, {2400, 1600}, {1600, 3}, {1, 1}};

    private static Path dir;
    private static final List<ServedImage> IMAGES = new ArrayList<>();
    private static RenderedImages renderer;

    @BeforeContainer
    static void store() throws IOException {
        dir = Files.createTempDirectory("extreme-requests");
        for (int[] size : SIZES) {
            Path version = Files.createDirectories(dir.resolve(size[0] + "x" + size[1]));
            IMAGES.add(TestRenderers.serve(TestImages.grid(size[0], size[1]), version, "extreme"));
        }
        DeliverySettings settings = TestRenderers.settings(RENDER_LIMITS.maxSide(), RENDER_LIMITS.maxArea());
        renderer = TestRenderers.renderer(settings, 256);
    }

    @AfterContainer
    static void remove() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Property(tries = 3000, shrinking = ShrinkingMode.BOUNDED)
    void anyRequestOnAnyImageResolvesWithinTheLimitsOrIsRefused(
            @ForAll @IntRange(min = 1, max = 200_000) int width, @ForAll @IntRange(min = 1, max = 200_000) int height,
            @ForAll("versions") ApiVersion version, @ForAll("regions") String region, @ForAll("sizes") String size,
            @ForAll("rotations") String rotation, @ForAll("qualityAndFormat") String qualityAndFormat) {
        int status = assertTimeoutPreemptively(PROMPTLY, () -> answer(() -> {
            ImageRequest.Resolved resolved = ImageRequest.parse(version, region, size, rotation, qualityAndFormat)
                    .resolve(width, height, DEFAULT_LIMITS);
            assertWithin(resolved, width, height, DEFAULT_LIMITS);
        }));
        assertTrue(status == 200 || status == 400 || status == 501, "status " + status);
        Statistics.collect(status);
    }

    @Property(tries = 2000, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void anyRequestOnAStoredImageIsRenderedPromptlyOrRefused(
            @ForAll @IntRange(min = 0, max = 3) int which, @ForAll("versions") ApiVersion version,
            @ForAll("regions") String region, @ForAll("sizes") String size, @ForAll("rotations") String rotation,
            @ForAll("qualityAndFormat") String qualityAndFormat) {
        ServedImage image = IMAGES.get(which);
        int status = assertTimeoutPreemptively(PROMPTLY, () -> answer(() -> {
            ImageRequest.Resolved resolved = ImageRequest.parse(version, region, size, rotation, qualityAndFormat)
                    .resolve(image.width(), image.height(), RENDER_LIMITS);
            assertWithin(resolved, image.width(), image.height(), RENDER_LIMITS);
            try (RenderedImages.Rendered rendered = renderer.render(image, resolved)) {
                Counter body = new Counter();
                rendered.writeTo(body);
                assertTrue(body.count > 0 && body.count == rendered.length(), "a body of its length");
            }
        }));
        assertTrue(status == 200 || status == 400 || status == 501, "status " + status);
        Statistics.collect(status);
    }

    /** What the servlet would answer: 200 when {@code request} runs through, 400 or 501 as refused. */
    private static int answer(Request request) {
        try {
            request.run();
            return 200;
        } catch (InvalidIiifRequestException e) {
            return 400;
        } catch (UnsupportedIiifRequestException e) {
            return 501;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Request {
        void run() throws IOException;
    }

    private static void assertWithin(ImageRequest.Resolved resolved, int width, int height, Limits limits) {
        Rectangle region = resolved.region();
        assertTrue(region.x >= 0 && region.y >= 0 && region.width >= 1 && region.height >= 1
                && region.x + (long) region.width <= width && region.y + (long) region.height <= height,
                "the region lies in the image: " + region);
        Dimension out = resolved.size();
        Dimension turned = resolved.rotation().turned(out);
        for (Dimension size : List.of(out, turned)) {
            assertTrue(size.width >= 1 && size.height >= 1 && size.width <= limits.maxSide()
                    && size.height <= limits.maxSide() && (long) size.width * size.height <= limits.maxArea(),
                    "within the limits: " + size);
        }
        assertEquals(resolved.canonical(), resolved.canonical().strip(), "a canonical form");
    }

    /** Counts what is written, keeping nothing. */
    private static final class Counter extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
        }
    }

    @Provide
    Arbitrary<ApiVersion> versions() {
        return Arbitraries.of(ApiVersion.class);
    }

    /**
     * Whole numbers as they come in a path: mostly plausible for the stored images (so that many
     * requests get as far as a render), and then on the edges of int and long, and not numbers at all.
     */
    private static Arbitrary<String> whole() {
        return Arbitraries.frequencyOf(
                Tuple.of(20, Arbitraries.integers().between(0, 1700).map(String::valueOf)),
                Tuple.of(1, Arbitraries.integers().between(0, Integer.MAX_VALUE).map(String::valueOf)),
                Tuple.of(2, Arbitraries.of("0", "1", "2", "255", "256", "1599", "1600", "1601", "65500", "65501",
                        "268435456", "999999999", "1000000000", "2147483647", "2147483648", "4294967296",
                        "9223372036854775807", "99999999999999999999", "00000000001")),
                Tuple.of(1, Arbitraries.of("-1", "-0", "+1", "1e3", "1E9", "0x10", "NaN", "Infinity", " 1", "1 ", "",
                        "1.5", "\uFF11", "\u0663", "1_000", "%31")));
    }

    /** Decimals: mostly plausible percentages, then huge, tiny, with exponents, signs and other spellings. */
    private static Arbitrary<String> decimal() {
        return Arbitraries.frequencyOf(
                Tuple.of(20, Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal(100)).ofScale(3)
                        .map(BigDecimal::toPlainString)),
                Tuple.of(1, Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("999999999.999999"))
                        .ofScale(6).map(BigDecimal::toPlainString)),
                Tuple.of(2, Arbitraries.of("0", "0.0", ".5", "5.", "100", "100.000000000001", "268435456",
                        "998830068.837209", "999999999.999999999999", "0.000000000001", "0.0000000000001",
                        "1000000000", "4294967296.5")),
                Tuple.of(1, Arbitraries.of("1e2", "1E-3", "NaN", "-0", "-1", "Infinity", "0x1p3", "1,5", "", " ",
                        "1..2", "\uFF15")));
    }

    private static Arbitrary<String> junk() {
        return Arbitraries.strings().ofMaxLength(24);
    }

    @Provide
    Arbitrary<String> regions() {
        Arbitrary<String> pixels = Combinators.combine(whole(), whole(), whole(), whole())
                .as((x, y, w, h) -> x + "," + y + "," + w + "," + h);
        Arbitrary<String> percent = Combinators.combine(decimal(), decimal(), decimal(), decimal())
                .as((x, y, w, h) -> "pct:" + x + "," + y + "," + w + "," + h);
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of("full", "square")),
                Tuple.of(4, pixels),
                Tuple.of(3, percent),
                Tuple.of(1, Arbitraries.of("pct:", "pct:1,2,3", "1,2,3", "1,2,3,4,5", "FULL", "pct:full", "square ")),
                Tuple.of(1, junk()));
    }

    @Provide
    Arbitrary<String> sizes() {
        Arbitrary<String> named = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("max", "full")),
                Tuple.of(2, whole().map(w -> w + ",")),
                Tuple.of(2, whole().map(h -> "," + h)),
                Tuple.of(2, decimal().map(n -> "pct:" + n)),
                Tuple.of(2, Combinators.combine(whole(), whole()).as((w, h) -> w + "," + h)),
                Tuple.of(2, Combinators.combine(whole(), whole()).as((w, h) -> "!" + w + "," + h)));
        return Arbitraries.frequencyOf(
                Tuple.of(10, Combinators.combine(Arbitraries.of("", "^"), named).as((up, size) -> up + size)),
                Tuple.of(1, Arbitraries.of("^", "^^max", "!", ",", "pct:", "^pct:", "max,", "!,", "^!,5")),
                Tuple.of(1, junk()));
    }

    @Provide
    Arbitrary<String> rotations() {
        Arbitrary<String> degrees = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of("0", "90", "180", "270", "360", "0.0", "45", "22.5")),
                Tuple.of(3, Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal(360)).ofScale(4)
                        .map(BigDecimal::toPlainString)),
                Tuple.of(2, decimal()),
                Tuple.of(1, whole()));
        return Arbitraries.frequencyOf(
                Tuple.of(12, Combinators.combine(Arbitraries.of("", "!"), degrees).as((m, d) -> m + d)),
                Tuple.of(1, Arbitraries.of("!", "!!90", "360.0000000001", "361", "-90", "90!", "1e2")),
                Tuple.of(1, junk()));
    }

    @Provide
    Arbitrary<String> qualityAndFormat() {
        Arbitrary<String> quality = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.of("default", "color", "gray", "bitonal")),
                Tuple.of(1, Arbitraries.of("", "grey", "Default", "native", "default.default")));
        Arbitrary<String> format = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.of("jpg", "png", "gif", "tif")),
                Tuple.of(1, Arbitraries.of("webp", "jp2", "pdf", "bmp", "", "JPG", "jpg ")));
        return Arbitraries.frequencyOf(
                Tuple.of(16, Combinators.combine(quality, format).as((q, f) -> q + "." + f)),
                Tuple.of(1, Arbitraries.of("default", ".jpg", "default.", ".")),
                Tuple.of(1, junk()));
    }
}
