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
 * A manifest in Presentation API 3.0: Manifest, one Canvas per image, each with an
 * AnnotationPage holding one painting Annotation whose body is a JPEG with both image services
 * (ImageService3 and, for clients of the older API, ImageService2). Labels and values are
 * language maps: the field names in English, the image's own texts in no language ({@code none}).
 */
final class ManifestV3 {

    private ManifestV3() {
    }

    static void write(Manifest manifest, JsonGenerator json) {
        json.writeStartObject()
                .write("@context", PresentationVersion.V3.context())
                .write("id", manifest.id())
                .write("type", "Manifest");
        language(json, "label", "none", manifest.label());
        metadata(json, manifest.metadata());
        thumbnail(json, manifest.thumbnail());
        json.writeStartArray("items");
        for (Canvas canvas : manifest.canvases()) {
            canvas(json, canvas);
        }
        json.writeEnd().writeEnd();
    }

    private static void canvas(JsonGenerator json, Canvas canvas) {
        json.writeStartObject()
                .write("id", canvas.id())
                .write("type", "Canvas");
        language(json, "label", "none", canvas.label());
        json.write("width", canvas.width()).write("height", canvas.height());
        metadata(json, canvas.metadata());
        thumbnail(json, canvas.thumbnail());
        json.writeStartArray("items").writeStartObject()
                .write("id", canvas.pageId())
                .write("type", "AnnotationPage")
                .writeStartArray("items").writeStartObject()
                .write("id", canvas.paintingId())
                .write("type", "Annotation")
                .write("motivation", "painting")
                .writeKey("body");
        picture(json, canvas.body(), true);
        json.write("target", canvas.id())
                .writeEnd().writeEnd()
                .writeEnd().writeEnd()
                .writeEnd();
    }

    /** An Image: the painting body (with both image services) or a thumbnail (with the level 0 ImageService3). */
    private static void picture(JsonGenerator json, Picture picture, boolean bothServices) {
        ImageService service = picture.service();
        json.writeStartObject()
                .write("id", picture.id())
                .write("type", "Image")
                .write("format", "image/jpeg")
                .write("width", picture.width())
                .write("height", picture.height())
                .writeStartArray("service")
                .writeStartObject()
                .write("id", service.v3Id())
                .write("type", "ImageService3")
                .write("profile", service.level().v3Profile())
                .writeEnd();
        if (bothServices) {
            // the 3.0 spec's form for a service of the older API: its JSON-LD keys as it had them
            json.writeStartObject()
                    .write("@id", service.v2Id())
                    .write("@type", "ImageService2")
                    .write("profile", service.level().v2Profile())
                    .writeEnd();
        }
        json.writeEnd().writeEnd();
    }

    private static void thumbnail(JsonGenerator json, Picture thumbnail) {
        if (thumbnail != null) {
            json.writeStartArray("thumbnail");
            picture(json, thumbnail, false);
            json.writeEnd();
        }
    }

    private static void metadata(JsonGenerator json, List<Entry> metadata) {
        if (metadata.isEmpty()) {
            return;
        }
        json.writeStartArray("metadata");
        for (Entry entry : metadata) {
            json.writeStartObject();
            language(json, "label", "en", entry.label());
            language(json, "value", "none", entry.published());
            json.writeEnd();
        }
        json.writeEnd();
    }

    private static void language(JsonGenerator json, String key, String language, String text) {
        json.writeStartObject(key).writeStartArray(language).write(text).writeEnd().writeEnd();
    }
}
