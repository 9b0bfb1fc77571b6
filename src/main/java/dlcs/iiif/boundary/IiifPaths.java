package dlcs.iiif.boundary;

import dlcs.common.PathSegments;
import dlcs.common.UnknownResourceException;
import dlcs.iiif.entity.ApiVersion;
import dlcs.iiif.entity.ImageRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * A delivery path taken apart: {@code [v2|v3/]{customer}/{space}/{id}} followed by nothing (the
 * base URI), {@code info.json}, or the four image request parameters, each segment decoded by
 * {@link PathSegments}, so an identifier with {@code %2F} stays one segment. Any other
 * number of segments is 404: no image is named there.
 */
record IiifPaths(ApiVersion explicitVersion, String customer, String space, String id, Kind kind,
                 List<String> parameters) {

    enum Kind { BASE, INFO, IMAGE }

    static IiifPaths parse(HttpServletRequest request) {
        return parse(PathSegments.of(request));
    }

    /** The path after the service's mount, as the container decoded it. */
    static IiifPaths parse(String rest) {
        return parse(PathSegments.of(rest));
    }

    private static IiifPaths parse(List<String> segments) {
        ApiVersion version = null;
        if (!segments.isEmpty()) {
            ApiVersion named = ApiVersion.fromSegment(segments.get(0));
            int rest = segments.size() - 1;
            // "v2" could also be a customer's name: the number of segments tells them apart
            boolean versioned = named != null && (rest == 3 && !segments.get(3).equals("info.json")
                    || rest == 4 && segments.get(4).equals("info.json") || rest == 7);
            if (versioned) {
                version = named;
                segments = segments.subList(1, segments.size());
            }
        }
        if (segments.size() == 3) {
            return new IiifPaths(version, segments.get(0), segments.get(1), segments.get(2), Kind.BASE, List.of());
        }
        if (segments.size() == 4 && segments.get(3).equals("info.json")) {
            return new IiifPaths(version, segments.get(0), segments.get(1), segments.get(2), Kind.INFO, List.of());
        }
        if (segments.size() == 7) {
            return new IiifPaths(version, segments.get(0), segments.get(1), segments.get(2), Kind.IMAGE,
                    List.copyOf(segments.subList(3, 7)));
        }
        // too few segments name no image; too many may be an identifier with an unescaped /
        throw new UnknownResourceException("No image at this path: image services are"
                + " {customer}/{space}/{id}/info.json and {customer}/{space}/{id}/{region}/{size}/{rotation}/"
                + "{quality}.{format} (optionally after v2/ or v3/), and a / inside an identifier must be"
                + " escaped as %2F.");
    }

    /** The version asked for, or the configured canonical one. */
    ApiVersion version(ApiVersion canonical) {
        return explicitVersion != null ? explicitVersion : canonical;
    }

    /** The four image request parameters, parsed for {@code version}. */
    ImageRequest imageRequest(ApiVersion version) {
        return ImageRequest.parse(version, parameters.get(0), parameters.get(1), parameters.get(2), parameters.get(3));
    }

    /** The service's path under the servlet, as asked (with its version segment, if any), encoded. */
    String servicePath() {
        return (explicitVersion != null ? "/v" + explicitVersion.number() : "") + "/"
                + PathSegments.encode(customer) + "/" + PathSegments.encode(space) + "/" + PathSegments.encode(id);
    }
}
