package dlcs.iiif.control;

import dlcs.imaging.control.DerivativeFiles;
import dlcs.imaging.control.PyramidIndex;
import dlcs.registration.control.CustomerStore;
import dlcs.registration.control.ImageChanged;
import dlcs.registration.control.ImageStore;
import dlcs.common.UnknownResourceException;
import dlcs.registration.entity.Customer;
import dlcs.registration.entity.Image;
import dlcs.storage.control.DerivativeLocation;
import dlcs.storage.control.DerivativeStore;
import dlcs.storage.control.StoredDerivative;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Finds the derivative that serves {@code /{customer}/{space}/{id}}. Found images are kept in
 * memory, so a tile request costs no database query and no parse of the pyramid. An entry is
 * trusted only while its version exists ({@link DerivativeStore#exists}): every new ingest writes
 * a new version and removes the old one after it commits, and a deletion removes it, so a
 * changed image is looked up again at once on every node that shares a directory, and within the
 * store's check interval on nodes that share a bucket; a read that finds the version gone makes
 * the caller look again at once. An image's roles and
 * {@code maxUnauthorised} change without a new directory: this node forgets the image as soon as
 * such a change commits ({@link ImageChanged}); other nodes when the entry expires, after
 * {@code dlcs.iiif.cache-seconds}.
 */
@ApplicationScoped
public class ServedImages {

    private static final int MAX_ENTRIES = 20_000;

    @Inject
    CustomerStore customers;

    @Inject
    ImageStore images;

    @Inject
    DerivativeStore storage;

    @Inject
    @ConfigProperty(name = "dlcs.iiif.cache-seconds", defaultValue = "300")
    long cacheSeconds;

    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(ServedImage image, long expires) {
    }

    public ServedImage find(String customer, String space, String imageId) {
        String key = customer + '/' + space + '/' + imageId;
        Cached cached = cache.get(key);
        long now = System.nanoTime();
        if (cached != null && cached.expires - now > 0 && storage.exists(cached.image.stored().location())) {
            return cached.image;
        }
        ServedImage image = load(customer, space, imageId);
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(key, new Cached(image, now + cacheSeconds * 1_000_000_000L));
        return image;
    }

    /** Forgets what is known of an image, so that the next request reads it afresh. */
    public void forget(String customer, String space, String imageId) {
        cache.remove(customer + '/' + space + '/' + imageId);
    }

    /**
     * Forgets an image whose metadata (its roles, its {@code maxUnauthorised}) has changed, once
     * the change has committed: under every name it was asked for, the customer's number or name.
     */
    void onChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ImageChanged changed) {
        cache.values().removeIf(cached -> cached.image.customer() == changed.customer()
                && cached.image.space() == changed.space() && cached.image.imageId().equals(changed.imageId()));
    }

    /**
     * The row of the image that a public path names ({@code customer} by number or name), if it
     * has a derivative to serve; 404 otherwise, saying only whether it is still being ingested or
     * could not be ingested. The one lookup behind every anonymous path to an image.
     */
    public Image servable(String customer, String space, String imageId) {
        Customer owner = customers.resolve(customer);
        if (!space.matches("\\d{1,9}")) {
            throw new UnknownResourceException("There is no space '" + space + "'.");
        }
        Image image = images.find(owner.id(), Integer.parseInt(space), imageId)
                .orElseThrow(() -> new UnknownResourceException("There is no image " + customer + "/" + space + "/"
                        + imageId + "."));
        if (!image.isServable()) {
            // never the reason: it may hold the origin, a presigned URL's signature among it; the
            // image's owner reads it in the authenticated API
            throw new ImageNotAvailableException(image.error() != null && !image.error().isEmpty()
                    ? "The image could not be ingested, so it is not available."
                    : "The image is still being ingested; try again shortly.");
        }
        return image;
    }

    private ServedImage load(String customer, String space, String imageId) {
        Image image = servable(customer, space, imageId);
        try {
            StoredDerivative stored = storage.open(new DerivativeLocation(image.customer(), image.space(),
                    image.imageId(), image.storageVersion()));
            return new ServedImage(image.customer(), image.space(), image.imageId(), stored,
                    PyramidIndex.read(ServedImage.pyramidBytes(stored)),
                    DerivativeFiles.listThumbnails(stored.files().keySet()),
                    image.lastModified(), image.storageVersion(),
                    new Restriction(!image.roles().isEmpty(), image.maxUnauthorised()));
        } catch (IOException e) {
            throw new UncheckedIOException("The derivative of " + image.key() + " cannot be read", e);
        }
    }
}
