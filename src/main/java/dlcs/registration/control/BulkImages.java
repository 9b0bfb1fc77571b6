package dlcs.registration.control;

import dlcs.common.InvalidInputException;
import dlcs.common.UnknownResourceException;
import dlcs.registration.entity.Image;
import dlcs.registration.entity.ImageMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Many images of one customer at once: reading a list of them, deleting them, changing their
 * metadata. Each loads the lot in one query and then goes through the single-image code
 * ({@link ImageStore#delete}, {@link ImageStore#amend}) inside one transaction, so that what the
 * single path does (releasing batches, removing files after the commit, telling caches) happens
 * for each image, and a failure leaves every image as it was.
 */
@ApplicationScoped
public class BulkImages {

    /** What a bulk PATCH may not change: fetching another origin, or who may see the image. */
    public static final List<String> NOT_PATCHABLE = List.of("origin", "roles", "maxUnauthorised", "thumbnailPolicy");

    @Inject
    ImageStore images;

    @Inject
    @ConfigProperty(name = "dlcs.api.max-image-list", defaultValue = "500")
    int maxImages;

    /** Refuses a list of {@code count} images that is empty or longer than {@code dlcs.api.max-image-list}. */
    public void checkCount(int count) {
        if (count == 0) {
            throw new InvalidInputException("member is empty; list at least one image.");
        }
        if (count > maxImages) {
            throw new InvalidInputException("member lists " + count + " images; at most " + maxImages
                    + " are allowed in one request (dlcs.api.max-image-list). Send them in several requests.");
        }
    }

    /** The images of {@code keys} ("customer/space/id") that exist, in the order asked for. */
    public List<Image> find(List<String> keys) {
        checkCount(keys.size());
        Map<String, Image> found = images.findAll(keys);
        return keys.stream().filter(found::containsKey).map(found::get).toList();
    }

    /**
     * Deletes the images of {@code keys} that exist, as the DLCS does: keys that name no image are
     * passed over, and if none does, nothing is deleted and the answer is a 404. Returns how many
     * were deleted.
     */
    @Transactional
    public int delete(List<String> keys) {
        List<Image> existing = find(keys);
        if (existing.isEmpty()) {
            throw new UnknownResourceException("None of the " + keys.size() + " listed images exists;"
                    + " nothing was deleted.");
        }
        for (Image image : existing) {
            images.delete(image.customer(), image.space(), image.imageId());
        }
        return existing.size();
    }

    /**
     * Changes the metadata of many images of one space, all or none: a patch that names a field of
     * {@link #NOT_PATCHABLE}, or an id with no image, changes nothing. Returns the changed images
     * in the order given.
     *
     * @param patches image id to what changes, in the order the client gave them
     */
    @Transactional
    public List<Image> amend(long customer, int space, LinkedHashMap<String, ImageMetadata> patches) {
        checkCount(patches.size());
        patches.forEach(BulkImages::checkPatchable);
        List<String> keys = patches.keySet().stream().map(id -> Image.keyOf(customer, space, id)).toList();
        Map<String, Image> found = images.findAll(keys);
        List<String> unknown = patches.keySet().stream()
                .filter(id -> !found.containsKey(Image.keyOf(customer, space, id))).toList();
        if (!unknown.isEmpty()) {
            throw new UnknownResourceException("Space " + space + " has no image " + quoted(unknown)
                    + "; nothing was changed.");
        }
        List<Image> changed = new ArrayList<>();
        patches.forEach((id, patch) -> changed.add(images.amend(customer, space, id, patch)));
        return changed;
    }

    private static void checkPatchable(String id, ImageMetadata patch) {
        List<String> refused = new ArrayList<>();
        if (patch.origin() != null) {
            refused.add("origin");
        }
        if (patch.roles() != null) {
            refused.add("roles");
        }
        if (patch.maxUnauthorised() != null) {
            refused.add("maxUnauthorised");
        }
        if (patch.thumbnailPolicy() != null) {
            refused.add("thumbnailPolicy");
        }
        if (!refused.isEmpty()) {
            throw new InvalidInputException("Image '" + id + "' sets " + String.join(", ", refused)
                    + ", which a bulk PATCH may not change (" + String.join(", ", NOT_PATCHABLE) + "): PATCH"
                    + " .../images/" + id + " on its own for that. Nothing was changed.");
        }
    }

    private static String quoted(List<String> ids) {
        List<String> shown = ids.stream().limit(10).map(id -> "'" + id + "'").toList();
        return String.join(", ", shown) + (ids.size() > shown.size() ? " and " + (ids.size() - shown.size())
                + " more" : "");
    }
}
