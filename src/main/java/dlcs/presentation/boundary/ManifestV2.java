package dlcs.presentation.boundary;

import dlcs.presentation.entity.Canvas;
import dlcs.presentation.entity.Entry;
import dlcs.presentation.entity.ImageService;
import dlcs.presentation.entity.Manifest;
import dlcs.presentation.entity.Picture;
import dlcs.presentation.entity.PresentationVersion;
import jakarta.json.stream.JsonGenerator;
import java.util.List;

/**
 * A manifest in Presentation API 2.1: sc:Manifest, one sc:Sequence, one sc:Canvas per image,
 * each with one oa:Annotation (sc:painting) whose resource is a JPEG with its Image API 2
 * service. One service object, not a list: 2.1 clients read {@code service["@id"]}, and a list
 * with the 3.0 service beside it would hide the image from them.
 */
final class ManifestV2 {

    private static final String IMAGE_CONTEXT = "http://iiif.io/api/image/2/context.json";

    private ManifestV2() {
    }

    static void write(Manifest manifest, JsonGenerator json) {
        json.writeStartObject()
                .write("@context", PresentationVersion.V2.context())
                .write("@id", manifest.id())
                .write("@type", "sc:Manifest")
                .write("label", manifest.label());
        metadata(json, manifest.metadata());
        thumbnail(json, manifest.thumbnail());
        json.writeStartArray("sequences").writeStartObject()
                .write("@id", manifest.id() + "/sequence/0")
                .write("@type", "sc:Sequence")
                .writeStartArray("canvases");
        for (Canvas canvas : manifest.canvases()) {
            canvas(json, canvas);
        }
        json.writeEnd().writeEnd().writeEnd().writeEnd();
    }

    private static void canvas(JsonGenerator json, Canvas canvas) {
        json.writeStartObject()
                .write("@id", canvas.id())
                .write("@type", "sc:Canvas")
                .write("label", canvas.label())
                .write("width", canvas.width())
                .write("height", canvas.height());
        metadata(json, canvas.metadata());
        thumbnail(json, canvas.thumbnail());
        json.writeStartArray("images").writeStartObject()
                .write("@id", canvas.paintingId())
                .write("@type", "oa:Annotation")
                .write("motivation", "sc:painting")
                .writeKey("resource");
        picture(json, canvas.body());
        json.write("on", canvas.id())
                .writeEnd().writeEnd()
                .writeEnd();
    }

    private static void picture(JsonGenerator json, Picture picture) {
        ImageService service = picture.service();
        json.writeStartObject()
                .write("@id", picture.id())
                .write("@type", "dctypes:Image")
                .write("format", "image/jpeg")
                .write("width", picture.width())
                .write("height", picture.height())
                .writeStartObject("service")
                .write("@context", IMAGE_CONTEXT)
                .write("@id", service.v2Id())
                .write("profile", service.level().v2Profile())
                .writeEnd()
                .writeEnd();
    }

    private static void thumbnail(JsonGenerator json, Picture thumbnail) {
        if (thumbnail != null) {
            json.writeKey("thumbnail");
            picture(json, thumbnail);
        }
    }

    private static void metadata(JsonGenerator json, List<Entry> metadata) {
        if (metadata.isEmpty()) {
            return;
        }
        json.writeStartArray("metadata");
        for (Entry entry : metadata) {
            json.writeStartObject().write("label", entry.label()).write("value", entry.published()).writeEnd();
        }
        json.writeEnd();
    }
}
