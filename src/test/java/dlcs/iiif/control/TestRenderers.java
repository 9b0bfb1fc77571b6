package dlcs.iiif.control;

import dlcs.metrics.control.Meters;
import dlcs.imaging.control.DerivativeFiles;
import dlcs.imaging.control.PyramidIndex;
import dlcs.storage.control.StoredDerivative;
import dlcs.imaging.control.TestPyramids;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Delivery's pieces as the container would make them, for tests: settings, a renderer, a served image. */
final class TestRenderers {

    private TestRenderers() {
    }

    /** Image API 3.0 unversioned, JPEG quality 85, and these limits. */
    static DeliverySettings settings(int maxSide, long maxArea) {
        DeliverySettings settings = new DeliverySettings();
        settings.defaultVersion = "3";
        settings.maxSide = maxSide;
        settings.maxArea = maxArea;
        settings.jpegQuality = 85;
        return settings;
    }

    /** A renderer with a budget of {@code budgetMegabytes}, waited for a second at most, and no tile cache or pool. */
    static RenderedImages renderer(DeliverySettings settings, long budgetMegabytes) {
        RenderedImages renderer = new RenderedImages();
        renderer.settings = settings;
        renderer.renderBudgetMegabytes = Optional.of(budgetMegabytes);
        renderer.tileCacheMegabytes = 0;
        renderer.pixelPoolMegabytes = 0;
        renderer.budgetWaitSeconds = 1;
        renderer.renderTimeoutSeconds = 30;
        renderer.meter = DeliveryMeterTest.meter(new Meters());
        renderer.createShared();
        return renderer;
    }

    /** {@code image} stored as a pyramid in {@code dir} and served open, with no thumbnails. */
    static ServedImage serve(BufferedImage image, Path dir, String id) throws IOException {
        TestPyramids.write(image, DerivativeFiles.pyramid(TestDerivatives.directory(dir, id)));
        StoredDerivative stored = TestDerivatives.open(dir, id);
        return new ServedImage(1, 1, id, stored, PyramidIndex.read(ServedImage.pyramidBytes(stored)), List.of(),
                Instant.now(), "1", Restriction.OPEN);
    }

    /** {@code image} with another restriction. */
    static ServedImage restricted(ServedImage image, Restriction restriction) {
        return new ServedImage(image.customer(), image.space(), image.imageId(), image.stored(), image.pyramid(),
                image.thumbnails(), image.modified(), image.version(), restriction);
    }
}
