package dlcs.iiif.boundary;

import dlcs.hydra.PublicBase;
import dlcs.iiif.control.DeliveryMeter;
import dlcs.iiif.control.DeliverySettings;
import dlcs.iiif.control.RenderedImages;
import dlcs.iiif.control.ServedImage;
import dlcs.iiif.control.ServedImages;
import dlcs.iiif.entity.ApiVersion;
import dlcs.iiif.entity.ImageRequest;
import dlcs.logging.control.AccessLog;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stored-tile path, whatever carries the request: the tile that a GET asks for, of an open
 * image this node already has in memory, read from a local directory, with the headers that
 * {@link ImageServiceServlet} would send for it; or nothing, and then the servlet answers.
 * Everything that needs more (a database lookup, a bucket, a restricted image and its checks,
 * a conditional request, a render, any error) is the servlet's. Made by the servlet, with its
 * beans, for {@link StoredTileHandler}, which answers such tiles on WildFly's I/O thread.
 */
public final class StoredTiles {

    /** The path the image service is mapped to. */
    static final String MOUNT = "/iiif-img";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.US).withZone(ZoneOffset.UTC);

    private final DeliverySettings settings;
    private final ServedImages served;
    private final RenderedImages renderer;
    private final PublicBase publicBase;
    private final DeliveryMeter meter;
    private final boolean accessLog = AccessLog.configuredOn();
    /**
     * Answers sent before, by path, while their image is the one {@link ServedImages} knows (a
     * changed image is a new one) and the base URL is the same: a tile asked for again is not
     * parsed, looked up or read again. At most {@link #cacheBytes} of tiles.
     */
    private final ConcurrentHashMap<String, Answer> answers = new ConcurrentHashMap<>();
    private final AtomicLong cachedBytes = new AtomicLong();
    private final long cacheBytes;

    StoredTiles(DeliverySettings settings, ServedImages served, RenderedImages renderer, PublicBase publicBase,
                DeliveryMeter meter) {
        this.cacheBytes = settings.storedTileCacheBytes();
        this.settings = settings;
        this.served = served;
        this.renderer = renderer;
        this.publicBase = publicBase;
        this.meter = meter;
    }

    /** A stored tile to send: its bytes, and the header values that depend on the image and the request. */
    record Tile(byte[] body, String lastModified, String etag, String cacheControl, String link) {
    }

    /**
     * A tile found for a path: the image it was found on (and its {@link ServedImages#key}), and
     * the base URL its Link was made with.
     */
    private record Answer(String key, ServedImage image, String base, Tile tile) {
    }

    /**
     * The stored tile that {@code uri} names from {@code start}, where {@link #MOUNT} begins (as
     * the container decoded it), if this path can send it; null when the servlet should answer.
     * Answers are kept by the whole URI, so that a tile asked for again costs no substring.
     */
    Tile find(String uri, int start, PublicBase.Request request) {
        Answer known = answers.get(uri);
        if (known != null && known.image == served.known(known.key)) {
            if (known.base.equals(publicBase.of(request))) {
                served.countHit();
                return known.tile;
            }
        }
        Answer found = answer(uri.substring(start + MOUNT.length()), request);
        if (found == null) {
            return null;
        }
        served.countHit();
        int length = found.tile.body.length;
        if (length <= cacheBytes) {
            if (cachedBytes.addAndGet(length) > cacheBytes) {
                // a crude bound, and enough: a viewer asks for the same few hundred tiles again and again
                answers.clear();
                cachedBytes.set(length);
            }
            Answer previous = answers.put(uri, found);
            if (previous != null) {
                cachedBytes.addAndGet(-previous.tile.body.length);
            }
        }
        return found.tile;
    }

    /** The answer to {@code path} worked out afresh; null when the servlet should answer. */
    private Answer answer(String path, PublicBase.Request request) {
        IiifPaths parsed;
        ApiVersion version;
        ImageRequest.Resolved resolved;
        ServedImage image;
        try {
            parsed = IiifPaths.parse(path);
            if (parsed.kind() != IiifPaths.Kind.IMAGE) {
                return null;
            }
            image = served.known(parsed.customer(), parsed.space(), parsed.id());
            if (image == null || !image.restriction().isOpen()) {
                return null;
            }
            version = parsed.version(settings.canonicalVersion());
            resolved = parsed.imageRequest(version).resolve(image.width(), image.height(), settings.limits());
        } catch (RuntimeException invalid) {
            // whatever is wrong with the request, the servlet answers it with its status and reason
            return null;
        }
        byte[] body;
        try {
            body = renderer.storedBytes(image, resolved);
        } catch (IOException gone) {
            // re-registered or deleted since it was looked up: the servlet looks again
            return null;
        }
        if (body == null) {
            return null;
        }
        String base = publicBase.of(request);
        String serviceId = base + MOUNT + parsed.servicePath();
        Tile tile = new Tile(body, HTTP_DATE.format(image.modified()), Responses.etag(image, ""),
                Responses.cacheControl(image), Responses.link(serviceId + "/" + resolved.canonical(),
                        version.levelTwoProfile()));
        return new Answer(ServedImages.key(parsed.customer(), parsed.space(), parsed.id()), image, base, tile);
    }

    /**
     * A tile sent by this path, counted and timed ({@link DeliveryMeter}) and written to the access
     * log as the servlet path's are: one clock reading feeds both.
     */
    void answered(String method, String path, int status, long bytes, long nanos, String client) {
        meter.record(DeliveryMeter.Kind.STORED_TILE, status, nanos);
        if (accessLog) {
            AccessLog.write(method, path, status, bytes, nanos, client);
        }
    }
}
