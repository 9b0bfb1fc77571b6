package dlcs.presentation.control;

import dlcs.common.PathSegments;
import dlcs.iiif.control.Restriction;
import dlcs.imaging.entity.Dimensions;
import dlcs.presentation.entity.Canvas;
import dlcs.presentation.entity.Entry;
import dlcs.presentation.entity.ImageService;
import dlcs.presentation.entity.Manifest;
import dlcs.presentation.entity.Picture;
import dlcs.registration.entity.Image;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns selected images into a {@link Manifest}, from their rows alone: no file is read and no
 * query is made per image, so that a 1,000-page book costs one query and a few milliseconds.
 * The thumbnail sizes are worked out as ingest makes them (each box of
 * {@code dlcs.thumbnails.sizes} fitted to the image, never upscaled), held to what anonymous
 * callers may have of a restricted image. The painting body is the largest of those thumbnails,
 * which the thumbnail service sends as stored bytes: viewers that read the image service ask it
 * for tiles, and those that do not get a picture without a render.
 */
@ApplicationScoped
public class ManifestBuilder {

    /** A canvas thumbnail is the smallest stored size at least this long on its longest side. */
    static final int THUMBNAIL_SIDE = 200;

    @Inject
    @ConfigProperty(name = "dlcs.thumbnails.sizes", defaultValue = "1024,400,200,100")
    List<Integer> thumbnailBoxes;

    /** A manifest {@code id} of {@code images} in order, with ids under the public {@code base}. */
    public Manifest build(String id, String base, String label, List<Entry> metadata, List<Image> images) {
        List<Canvas> canvases = new ArrayList<>(images.size());
        for (Image image : images) {
            canvases.add(canvas(base, image));
        }
        return new Manifest(id, label, metadata, canvases);
    }

    /**
     * The canvas of {@code image}, whose id is {@code {base}/iiif-img/{customer}/{space}/{id}/canvas}
     * in every manifest that holds the image, in both versions.
     */
    Canvas canvas(String base, Image image) {
        String path = "/" + image.customer() + "/" + image.space() + "/" + PathSegments.encode(image.imageId());
        ImageService imageService = new ImageService(base + "/iiif-img/v3" + path, base + "/iiif-img/v2" + path,
                ImageService.Level.LEVEL2);
        ImageService thumbnailService = new ImageService(base + "/thumbs/v3" + path, base + "/thumbs/v2" + path,
                ImageService.Level.LEVEL0);
        int width = image.width();
        int height = image.height();
        List<Dimensions> offered = thumbnails(new Dimensions(width, height),
                new Restriction(!image.roles().isEmpty(), image.maxUnauthorised()));
        Picture body;
        Picture thumbnail = null;
        if (offered.isEmpty()) {
            // nothing stored that anonymous callers may have: the service answers for itself (401)
            body = new Picture(base + "/iiif-img" + path + "/full/max/0/default.jpg", width, height, imageService);
        } else {
            body = picture(base + "/thumbs" + path, offered.get(0), imageService);
            thumbnail = picture(base + "/thumbs" + path, smallestFromSide(offered), thumbnailService);
        }
        return new Canvas(base + "/iiif-img" + path + "/canvas", image.imageId(), width, height, metadata(image), body,
                thumbnail);
    }

    /** The stored thumbnail sizes of an image of {@code size} that anonymous callers may have, largest first. */
    List<Dimensions> thumbnails(Dimensions size, Restriction restriction) {
        Set<Dimensions> sizes = new LinkedHashSet<>();
        thumbnailBoxes.stream().sorted((a, b) -> b - a).forEach(box -> sizes.add(size.fitWithin(box, box)));
        int side = restriction.maxSide();
        return sizes.stream().filter(thumb -> thumb.width() <= side && thumb.height() <= side).toList();
    }

    private static Dimensions smallestFromSide(List<Dimensions> largestFirst) {
        Dimensions chosen = largestFirst.get(0);
        for (Dimensions size : largestFirst) {
            if (Math.max(size.width(), size.height()) >= THUMBNAIL_SIDE) {
                chosen = size;
            }
        }
        return chosen;
    }

    private static Picture picture(String service, Dimensions size, ImageService imageService) {
        return new Picture(service + "/full/" + size.width() + "," + size.height() + "/0/default.jpg", size.width(),
                size.height(), imageService);
    }

    /** What viewers show of an image: its strings (those set), its three numbers and its tags. */
    public static List<Entry> metadata(Image image) {
        List<Entry> entries = new ArrayList<>(7);
        addText(entries, "String 1", image.string1());
        addText(entries, "String 2", image.string2());
        addText(entries, "String 3", image.string3());
        entries.add(new Entry("Number 1", Long.toString(image.number1())));
        entries.add(new Entry("Number 2", Long.toString(image.number2())));
        entries.add(new Entry("Number 3", Long.toString(image.number3())));
        if (!image.tags().isEmpty()) {
            entries.add(new Entry("Tags", String.join(", ", image.tags())));
        }
        return entries;
    }

    private static void addText(List<Entry> entries, String label, String value) {
        if (value != null && !value.isBlank()) {
            entries.add(new Entry(label, value));
        }
    }
}
