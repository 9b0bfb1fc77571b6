package dlcs.iiif.boundary;

import dlcs.common.Jsons;
import dlcs.iiif.control.ServedImage;
import dlcs.iiif.entity.ApiVersion;
import dlcs.iiif.entity.Limits;
import dlcs.iiif.entity.Size;
import dlcs.imaging.entity.Dimensions;
import dlcs.imaging.entity.PyramidLevel;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.awt.Dimension;
import java.util.List;

/**
 * The info.json documents: the level 2 image service in Image API 3.0 or 2.1, from the levels
 * of the stored pyramid, and the level 0 thumbnail service, from the stored thumbnails; each
 * within what anonymous callers may have of the image.
 */
final class InfoDocuments {

    private static final String PROTOCOL = "http://iiif.io/api/image";
    /** Beyond level 2, in both versions. */
    private static final List<String> EXTRA_FEATURES = List.of("canonicalLinkHeader", "mirroring",
            "profileLinkHeader", "rotationArbitrary");
    private static final List<String> EXTRA_FORMATS = List.of("gif", "tif");

    private InfoDocuments() {
    }

    /**
     * The level 2 image service, which declares {@code limits} as {@code maxWidth},
     * {@code maxHeight} and {@code maxArea}, and lists the stored levels within them as sizes. A
     * restricted image is served whole only, up to the largest size its limits allow: that size
     * is listed too, and no tiles are.
     */
    static JsonObject imageService(ServedImage image, String id, ApiVersion version, Limits limits) {
        JsonArrayBuilder qualities = Jsons.array();
        if (!image.pyramid().grey()) {
            qualities.add("color");
        }
        qualities.add("gray").add("bitonal");
        boolean whole = !image.restriction().isOpen();
        if (version == ApiVersion.V3) {
            JsonArrayBuilder features = Jsons.array(EXTRA_FEATURES).add("sizeUpscaling");
            JsonObjectBuilder document = Jsons.object()
                    .add("@context", version.context())
                    .add("id", id)
                    .add("type", "ImageService3")
                    .add("protocol", PROTOCOL)
                    .add("profile", "level2")
                    .add("width", image.width())
                    .add("height", image.height())
                    .add("maxWidth", limits.maxSide())
                    .add("maxHeight", limits.maxSide())
                    .add("maxArea", limits.maxArea())
                    .add("sizes", sizes(image, limits));
            if (!whole) {
                document.add("tiles", tiles(image.levels()));
            }
            return document
                    .add("extraQualities", qualities)
                    .add("extraFormats", Jsons.array(EXTRA_FORMATS))
                    .add("extraFeatures", features)
                    .build();
        }
        JsonArrayBuilder supports = Jsons.array(EXTRA_FEATURES).add("regionSquare").add("sizeAboveFull");
        JsonObjectBuilder document = Jsons.object()
                .add("@context", version.context())
                .add("@id", id)
                .add("protocol", PROTOCOL)
                .add("width", image.width())
                .add("height", image.height())
                .add("sizes", sizes(image, limits));
        if (!whole) {
            document.add("tiles", tiles(image.levels()));
        }
        return document
                .add("profile", Jsons.array().add(version.levelTwoProfile()).add(Jsons.object()
                        .add("formats", Jsons.array(EXTRA_FORMATS))
                        .add("qualities", qualities)
                        .add("supports", supports)
                        .add("maxWidth", limits.maxSide())
                        .add("maxHeight", limits.maxSide())
                        .add("maxArea", limits.maxArea())))
                .build();
    }

    /**
     * Level 0 over {@code thumbnails} (largest first: those stored, or those of them a restricted
     * image offers): only their sizes (and sizes between them) of the full region.
     */
    static JsonObject thumbnailService(ServedImage image, List<Dimensions> thumbnails, String id,
                                       ApiVersion version) {
        JsonArrayBuilder sizes = Jsons.array();
        for (int i = thumbnails.size() - 1; i >= 0; i--) {
            sizes.add(size(thumbnails.get(i).width(), thumbnails.get(i).height()));
        }
        Dimensions largest = thumbnails.isEmpty() ? new Dimensions(1, 1) : thumbnails.get(0);
        JsonObjectBuilder document = Jsons.object().add("@context", version.context());
        if (version == ApiVersion.V3) {
            document.add("id", id).add("type", "ImageService3").add("protocol", PROTOCOL).add("profile", "level0");
        } else {
            document.add("@id", id).add("protocol", PROTOCOL).add("profile", Jsons.array()
                    .add("http://iiif.io/api/image/2/level0.json")
                    .add(Jsons.object().add("formats", Jsons.array().add("jpg"))
                            .add("qualities", Jsons.array().add("default"))
                            .add("maxWidth", largest.width()).add("maxHeight", largest.height())));
        }
        document.add("width", image.width()).add("height", image.height());
        if (version == ApiVersion.V3) {
            document.add("maxWidth", largest.width()).add("maxHeight", largest.height());
        }
        return document.add("sizes", sizes).build();
    }

    /**
     * The stored levels within {@code limits}, smallest first; for a restricted image, then the
     * largest size it is served at, if no level is that size.
     */
    private static JsonArrayBuilder sizes(ServedImage image, Limits limits) {
        JsonArrayBuilder sizes = Jsons.array();
        List<PyramidLevel> levels = image.levels();
        PyramidLevel largest = null;
        for (int i = levels.size() - 1; i >= 0; i--) {
            PyramidLevel level = levels.get(i);
            if ((long) level.width() * level.height() <= limits.maxArea() && level.width() <= limits.maxSide()
                    && level.height() <= limits.maxSide()) {
                sizes.add(size(level.width(), level.height()));
                largest = level;
            }
        }
        if (!image.restriction().isOpen()) {
            Dimension max = new Size(Size.Kind.MAX, false, 0, 0, 0).resolve(image.width(), image.height(), limits);
            if (largest == null || largest.width() != max.width || largest.height() != max.height) {
                sizes.add(size(max.width, max.height));
            }
        }
        return sizes;
    }

    private static JsonArrayBuilder tiles(List<PyramidLevel> levels) {
        JsonArrayBuilder scaleFactors = Jsons.array();
        levels.forEach(level -> scaleFactors.add(level.scaleFactor()));
        PyramidLevel full = levels.get(0);
        return Jsons.array().add(Jsons.object()
                .add("width", full.tileWidth())
                .add("height", full.tileHeight())
                .add("scaleFactors", scaleFactors));
    }

    private static JsonObjectBuilder size(int width, int height) {
        return Jsons.object().add("width", width).add("height", height);
    }
}
