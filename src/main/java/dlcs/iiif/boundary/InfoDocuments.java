package dlcs.iiif.boundary;

import dlcs.iiif.control.ServedImage;
import dlcs.imaging.entity.PyramidLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;

/** The info.json of an image service (Image API 3.0), from the levels of its stored pyramid. */
@ApplicationScoped
public class InfoDocuments {

    /** The most pixels one image response may have; large enough for any full image up to 50 MP. */
    static final long MAX_AREA = 50_000_000L;

    static long maxArea(ServedImage image) {
        return MAX_AREA;
    }

    JsonObject imageService3(ServedImage image, String id) {
        List<PyramidLevel> levels = image.levels();
        JsonArrayBuilder scaleFactors = Json.createArrayBuilder();
        levels.forEach(level -> scaleFactors.add(level.scaleFactor()));
        JsonArrayBuilder sizes = Json.createArrayBuilder();
        for (int i = levels.size() - 1; i >= 0; i--) {
            sizes.add(Json.createObjectBuilder().add("width", levels.get(i).width()).add("height", levels.get(i).height()));
        }
        PyramidLevel full = levels.get(0);
        return Json.createObjectBuilder()
                .add("@context", Responses.CONTEXT_3)
                .add("id", id)
                .add("type", "ImageService3")
                .add("protocol", "http://iiif.io/api/image")
                .add("profile", "level1")
                .add("width", image.width())
                .add("height", image.height())
                .add("maxArea", maxArea(image))
                .add("tiles", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("width", full.tileWidth())
                        .add("height", full.tileHeight())
                        .add("scaleFactors", scaleFactors)))
                .add("sizes", sizes)
                .add("extraQualities", Json.createArrayBuilder().add("color").add("gray").add("bitonal"))
                .add("extraFormats", Json.createArrayBuilder().add("png"))
                .add("extraFeatures", Json.createArrayBuilder().add("regionByPct").add("sizeByPct")
                        .add("sizeByConfinedWh").add("sizeUpscaling").add("cors").add("jsonldMediaType")
                        .add("baseUriRedirect"))
                .build();
    }
}
