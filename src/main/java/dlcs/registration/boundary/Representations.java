package dlcs.registration.boundary;

import static dlcs.hydra.Hydra.addIfPresent;

import dlcs.hydra.ApiPaths;
import dlcs.hydra.Hydra;
import dlcs.hydra.PublicUrls;
import dlcs.registration.entity.Customer;
import dlcs.registration.entity.Image;
import dlcs.registration.entity.Space;
import dlcs.security.entity.ApiKey;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * The JSON-LD form of each registration resource; entities never leave as JSON themselves. An
 * Image is rendered here alone, also for the listings of other features (a batch's images).
 */
public final class Representations {

    private Representations() {
    }

    static String customerPath(long customer) {
        return ApiPaths.customer(customer);
    }

    static String spacePath(long customer, int space) {
        return customerPath(customer) + "/spaces/" + space;
    }

    static String imagePath(long customer, int space, String imageId) {
        return spacePath(customer, space) + "/images/" + imageId;
    }

    /** A customer with a link to each of its collections, as the DLCS's Customer has them. */
    static JsonObject customer(Customer customer, PublicUrls urls) {
        String id = urls.of(customerPath(customer.id()));
        JsonObjectBuilder json = Hydra.resource(id, "Customer")
                .add("id", customer.id())
                .add("name", customer.name())
                .add("administrator", customer.administrator())
                .add("created", customer.created().toString())
                .add("spaces", id + "/spaces")
                .add("allImages", id + "/allImages")
                .add("queue", urls.of(ApiPaths.queue(customer.id())))
                .add("namedQueries", id + "/namedQueries")
                .add("originStrategies", id + "/originStrategies")
                .add("keys", id + "/keys")
                .add("storage", id + "/storage")
                .add("s3AmbientGrants", id + "/s3AmbientGrants");
        return addIfPresent(json, "displayName", customer.displayName()).build();
    }

    static JsonObject key(ApiKey key, PublicUrls urls) {
        return Hydra.resource(urls.of(customerPath(key.customer()) + "/keys/" + key.key()), "Key")
                .add("key", key.key())
                .add("created", key.created().toString())
                .build();
    }

    static JsonObject space(Space space, long imageCount, PublicUrls urls) {
        String id = urls.of(spacePath(space.customer(), space.number()));
        return Hydra.resource(id, "Space")
                .add("id", space.number())
                .add("name", space.name())
                .add("created", space.created().toString())
                .add("defaultTags", Hydra.strings(space.defaultTags()))
                .add("defaultRoles", Hydra.strings(space.defaultRoles()))
                .add("maxUnauthorised", space.maxUnauthorised())
                .add("approximateNumberOfImages", imageCount)
                .add("images", id + "/images")
                .build();
    }

    public static JsonObject image(Image image, PublicUrls urls) {
        String path = "/" + image.customer() + "/" + image.space() + "/" + image.imageId();
        JsonObjectBuilder json = Hydra.resource(urls.of(imagePath(image.customer(), image.space(), image.imageId())),
                        "Image")
                .add("id", image.imageId())
                .add("space", image.space())
                .add("imageService", urls.of("/iiif-img" + path))
                .add("thumbnailImageService", urls.of("/thumbs" + path))
                .add("storage", urls.of(imagePath(image.customer(), image.space(), image.imageId()) + "/storage"))
                .add("number1", image.number1())
                .add("number2", image.number2())
                .add("number3", image.number3())
                .add("tags", Hydra.strings(image.tags()))
                .add("roles", Hydra.strings(image.roles()))
                .add("maxUnauthorised", image.maxUnauthorised())
                .add("created", image.created().toString())
                .add("ingesting", image.ingesting())
                .add("error", image.error() == null ? "" : image.error());
        addIfPresent(json, "origin", image.origin());
        addIfPresent(json, "string1", image.string1());
        addIfPresent(json, "string2", image.string2());
        addIfPresent(json, "string3", image.string3());
        addIfPresent(json, "mediaType", image.mediaType());
        addIfPresent(json, "thumbnailPolicy", image.thumbnailPolicy());
        addIfPresent(json, "queued", image.queued());
        addIfPresent(json, "dequeued", image.dequeued());
        addIfPresent(json, "finished", image.finished());
        addIfPresent(json, "width", image.width());
        addIfPresent(json, "height", image.height());
        if (image.batch() != null) {
            json.add("batch", urls.of(ApiPaths.batch(image.customer(), image.batch())));
        }
        return json.build();
    }
}
