package dlcs.iiif.control;

import dlcs.imaging.control.DerivativeFiles;
import dlcs.imaging.control.PyramidIndex;
import dlcs.registration.control.CustomerStore;
import dlcs.registration.control.ImageChanged;
import dlcs.registration.control.ImageStore;
import dlcs.common.CacheCounts;
import dlcs.common.UnknownResourceException;
import dlcs.registration.entity.Customer;
import dlcs.registration.entity.Image;
import dlcs.storage.control.DerivativeLocation;
import dlcs.storage.control.DerivativeStore;
import dlcs.storage.control.StoredDerivative;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Finds the derivative that serves {@code /{customer}/{space}/{id}}. Found images are kept in
 * memory, so a tile request costs no database query and no parse of the pyramid. Every change to
 * an image (a new version, a deletion, its roles or {@code maxUnauthorised}) is announced when it
 * commits ({@link ImageChanged}), on this node at once and on every node through the news topic
 * ({@link ImageNews}): each forgets the image, and reads it afresh on its next request. A read
 * that was under way when a change was forgotten is served but not kept, since it may predate the
 * change. An entry is also trusted only while its version exists ({@link DerivativeStore#exists},
 * asked at most every 10 ms): every new ingest writes a new version and removes the old one after
 * it commits, so on a shared directory a changed image is looked up again within 10 ms (at once,
 * to a client), and on a bucket within the store's check
 * interval; a read that finds the version gone makes the caller look again at once. Every entry
 * expires after {@code dlcs.iiif.cache-seconds} whatever happens, the bound on staleness should
 * news ever be lost.
 */
@ApplicationScoped
public class ServedImages {

    private static final int MAX_ENTRIES = 20_000;
    /** How long a version seen stored is trusted to be there still: "at once", to a client. */
    private static final long CHECK_NANOS = 10_000_000L;

    @Inject
    CustomerStore customers;

    @Inject
    ImageStore images;

    @Inject
    DerivativeStore storage;

    @Inject
    @ConfigProperty(name = "dlcs.iiif.cache-seconds", defaultValue = "300")
    long cacheSeconds;

    @Inject
    DeliveryMeter meter;

    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
    private final CacheCounts counts = new CacheCounts();
    /** How many times an image has been forgotten: a read that saw another number is not kept. */
    private final AtomicLong forgettings = new AtomicLong();

    /**
     * An image kept, until when, and when its version was last seen stored: a check at most every
     * {@link #CHECK_NANOS}, so that a tile of an image asked for thousands of times a second does
     * not look at the store each time (on a local directory a stat, and on every store a call
     * through the bean's proxy: together a tenth of a stored tile's CPU).
     */
    private static final class Cached {

        final ServedImage image;
        final long expires;
        volatile long checked;

        Cached(ServedImage image, long now, long expires) {
            this.image = image;
            this.expires = expires;
            this.checked = now - CHECK_NANOS;
        }
    }

    /** The figures: this cache's hits and misses, and those of the store's own caches. */
    @PostConstruct
    void count() {
        meter.cache("served_images", counts);
        storage.caches().forEach(meter::cache);
    }

    public ServedImage find(String customer, String space, String imageId) {
        String key = key(customer, space, imageId);
        ServedImage current = current(key);
        if (current != null) {
            counts.hit();
            return current;
        }
        long now = System.nanoTime();
        counts.miss();
        long seen = forgettings.get();
        ServedImage image = load(customer, space, imageId);
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        Cached entry = new Cached(image, now, now + cacheSeconds * 1_000_000_000L);
        cache.put(key, entry);
        if (forgettings.get() != seen) {
            // an image was forgotten while this one was read: what was read may predate that change
            cache.remove(key, entry);
        }
        return image;
    }

    /**
     * The image if this node has it in memory, current, and stored in a local directory, where
     * its tiles are read as a static file server reads files; null otherwise, and nothing is
     * read from the database or a bucket: for the stored-tile path, which must not wait.
     */
    public ServedImage known(String customer, String space, String imageId) {
        return known(key(customer, space, imageId));
    }

    /**
     * {@link #known(String, String, String)} by the image's {@link #key}, which a caller that asks
     * again and again for the same image keeps rather than makes afresh.
     */
    public ServedImage known(String key) {
        return storage.directory().isEmpty() ? null : current(key);
    }

    /** Runs {@link #find}'s database lookups once, for an image no one has: {@link DeliveryWarmUp}. */
    void warmUp() {
        customers.find(0);
        images.find(0, 0, "");
    }

    /** How this cache names an image. */
    public static String key(String customer, String space, String imageId) {
        return customer + '/' + space + '/' + imageId;
    }

    /**
     * Counts a lookup answered by {@link #known} that was used, as a hit: one that was not used
     * (its request went on to the servlet, which looks again) is not counted twice.
     */
    public void countHit() {
        counts.hit();
    }

    /** The image kept under {@code key} while it has not expired and its version is stored; null otherwise. */
    private ServedImage current(String key) {
        Cached cached = cache.get(key);
        if (cached == null) {
            return null;
        }
        long now = System.nanoTime();
        if (cached.expires - now <= 0) {
            return null;
        }
        if (now - cached.checked >= CHECK_NANOS) {
            if (!storage.exists(cached.image.stored().location())) {
                return null;
            }
            cached.checked = now;
        }
        return cached.image;
    }

    /** Forgets what is known of an image, so that the next request reads it afresh. */
    public void forget(String customer, String space, String imageId) {
        cache.remove(key(customer, space, imageId));
    }

    /** Forgets an image changed on this node, once the change has committed. */
    void onChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ImageChanged changed) {
        forget(changed.customer(), changed.space(), changed.imageId());
    }

    /**
     * Forgets a changed image under every name it was asked for, the customer's number or name,
     * or every image of the space when {@code imageId} is null; forgetting one that is not kept,
     * or twice, changes nothing.
     */
    public void forget(long customer, int space, String imageId) {
        forgettings.incrementAndGet();
        cache.values().removeIf(cached -> cached.image.customer() == customer && cached.image.space() == space
                && (imageId == null || cached.image.imageId().equals(imageId)));
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
