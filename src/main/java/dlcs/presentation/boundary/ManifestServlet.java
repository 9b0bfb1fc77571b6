package dlcs.presentation.boundary;

import dlcs.common.PathSegments;
import dlcs.common.UnknownResourceException;
import dlcs.hydra.PublicBase;
import dlcs.iiif.boundary.Responses;
import dlcs.iiif.control.DeliveryMeter;
import dlcs.presentation.control.ImageSelections;
import dlcs.presentation.control.ManifestBuilder;
import dlcs.presentation.control.ManifestGate;
import dlcs.presentation.entity.Entry;
import dlcs.presentation.entity.PresentationVersion;
import dlcs.registration.entity.Image;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the two manifest paths share, answered as the image services answer: CORS and the
 * security headers on every response, the version from the path ({@code /v2} for 2.1, else
 * 3.0), the manifest's {@code id} being the URL asked for under the public base, revalidation by
 * ETag, and every failure as its status with a JSON body.
 */
abstract class ManifestServlet extends HttpServlet {

    @Inject
    PublicBase publicBase;

    @Inject
    ManifestBuilder builder;

    @Inject
    ManifestGate gate;

    @Inject
    DeliveryMeter meter;

    @Inject
    @ConfigProperty(name = "dlcs.presentation.cache-seconds", defaultValue = "300")
    long cacheSeconds;

    /** The images a path asks for, and what the manifest says of itself. */
    record Asked(ImageSelections.Selection selection, String label, List<Entry> metadata) {
    }

    /** A manifest's images and its body. */
    private record Built(List<Image> images, byte[] body) {
    }

    /** Where the manifests are mounted: {@code /iiif-manifest} or {@code /iiif-resource}. */
    abstract String mount();

    /** Whether the first segment is the version rather than part of what is asked for. */
    abstract boolean versioned(List<String> segments);

    /** The selection named by the segments after the version. */
    abstract Asked ask(List<String> segments);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Responses.allowCors(response);
        DeliveryMeter.Delivery delivery = meter.start(DeliveryMeter.Kind.MANIFEST);
        try {
            List<String> segments = PathSegments.of(request);
            boolean versioned = !segments.isEmpty() && PresentationVersion.fromSegment(segments.get(0)) != null
                    && versioned(segments);
            PresentationVersion version = versioned ? PresentationVersion.fromSegment(segments.get(0))
                    : PresentationVersion.V3;
            List<String> asked = versioned ? segments.subList(1, segments.size()) : segments;
            String base = publicBase.of(request);
            String id = base + mount() + (versioned ? "/" + segments.get(0) : "") + encoded(asked);
            // one turn of the gate for the query and the building; the selection is bounded by
            // dlcs.presentation.max-canvases for a named query
            Built built = gate.build(() -> {
                Asked selection = ask(asked);
                return new Built(selection.selection().images(), ManifestDocuments.bytes(
                        builder.build(id, base, selection.label(), selection.metadata(),
                                selection.selection().images()), version));
            });
            List<Image> images = built.images();
            byte[] body = built.body();
            String etag = ManifestDocuments.etag(body);
            cacheable(response, images, etag);
            if (version == PresentationVersion.V2) {
                response.setHeader("Vary", "Accept");
            }
            if (matches(request.getHeader("If-None-Match"), etag)) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
            response.setContentType(contentType(request, version));
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        } catch (RuntimeException e) {
            Responses.error(response, e, request);
        } finally {
            delivery.end(response.getStatus());
        }
    }

    @Override
    protected void doOptions(HttpServletRequest request, HttpServletResponse response) {
        Responses.options(response);
    }

    /** A 404 for a path that names no manifest, saying what the paths are. */
    static UnknownResourceException noManifest(String paths) {
        return new UnknownResourceException("No manifest at this path: " + paths);
    }

    /**
     * 3.0 always answers JSON-LD with its context as profile. 2.1 answers it to clients that ask
     * for JSON-LD and plain JSON to the others, as 2.1 requires.
     */
    private static String contentType(HttpServletRequest request, PresentationVersion version) {
        String accept = request.getHeader("Accept");
        if (version == PresentationVersion.V3 || accept != null && accept.contains("application/ld+json")) {
            return version.mediaType();
        }
        return "application/json";
    }

    /**
     * As for info.json, except the lifetime: a manifest changes whenever an image joins the
     * selection or changes its metadata, so it is kept {@code dlcs.presentation.cache-seconds},
     * then revalidated. With a restricted image it is for the caller alone and revalidated each
     * time. Last-Modified is the latest ingest among the images; the ETag, a digest of the body,
     * is what revalidates (a metadata change leaves the ingest time as it was).
     */
    private void cacheable(HttpServletResponse response, List<Image> images, String etag) {
        Instant latest = Instant.EPOCH;
        boolean restricted = false;
        for (Image image : images) {
            latest = image.lastModified().isAfter(latest) ? image.lastModified() : latest;
            restricted |= !image.roles().isEmpty();
        }
        response.setDateHeader("Last-Modified", latest.toEpochMilli());
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", restricted ? "private, no-cache" : "public, max-age=" + cacheSeconds);
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        return ifNoneMatch != null && (ifNoneMatch.trim().equals("*") || Arrays.stream(ifNoneMatch.split(","))
                .map(String::trim).map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag).anyMatch(etag::equals));
    }

    private static String encoded(List<String> segments) {
        StringBuilder path = new StringBuilder();
        segments.forEach(segment -> path.append('/').append(PathSegments.encode(segment)));
        return path.toString();
    }
}
