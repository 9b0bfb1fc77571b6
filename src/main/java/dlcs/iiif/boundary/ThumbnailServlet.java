package dlcs.iiif.boundary;

import dlcs.iiif.control.AnonymousAccess;
import dlcs.iiif.control.DeliveryMeter;
import dlcs.iiif.control.RenderedImages;
import dlcs.iiif.control.ServedImage;
import dlcs.iiif.control.ServedImages;
import dlcs.iiif.control.Thumbnails;
import dlcs.iiif.entity.ApiVersion;
import dlcs.iiif.entity.ImageRequest;
import dlcs.imaging.entity.Dimensions;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;

/**
 * The level 0 thumbnail service at {@code /thumbs/[v2/|v3/]{customer}/{space}/{id}}: info.json
 * listing the stored thumbnail sizes (of a restricted image, those anonymous callers may have),
 * and {@code full/{size}/0/default.jpg}.
 */
@WebServlet(urlPatterns = "/thumbs/*", asyncSupported = true)
public class ThumbnailServlet extends DeliveryServlet {

    @Inject
    ServedImages served;

    @Inject
    Thumbnails thumbnails;

    @Override
    String mount() {
        return "/thumbs";
    }

    @Override
    void info(HttpServletRequest request, HttpServletResponse response, IiifPaths path, ApiVersion version,
               String serviceId) throws IOException {
        ServedImage image = served.find(path.customer(), path.space(), path.id());
        List<Dimensions> offered = AnonymousAccess.thumbnails(image);
        String variant = "thumbs" + version.number();
        if (!Responses.notModified(request, response, image, variant)) {
            Responses.cacheable(response, image, variant);
            Responses.json(request, response, InfoDocuments.thumbnailService(image, offered, serviceId, version),
                    version);
        }
    }

    @Override
    DeliveryMeter.Kind imageKind() {
        return DeliveryMeter.Kind.THUMBNAIL;
    }

    @Override
    void image(HttpServletRequest request, HttpServletResponse response, IiifPaths path, ApiVersion version,
               String serviceId, DeliveryMeter.Delivery delivery) throws IOException {
        ImageRequest parsed = path.imageRequest(version);
        ServedImage image = served.find(path.customer(), path.space(), path.id());
        Dimensions size = thumbnails.size(image, parsed);
        if (Responses.notModified(request, response, image, "")) {
            return;
        }
        byte[] body;
        try {
            body = thumbnails.bytes(image, size);
        } catch (NoSuchFileException e) {
            served.forget(path.customer(), path.space(), path.id());
            image = served.find(path.customer(), path.space(), path.id());
            size = thumbnails.size(image, parsed);
            body = thumbnails.bytes(image, size);
        }
        response.setContentType("image/jpeg");
        response.setContentLength(body.length);
        Responses.cacheable(response, image, "");
        String canonicalSize = version == ApiVersion.V3 ? size.width() + "," + size.height() : size.width() + ",";
        Responses.links(response, serviceId + "/full/" + canonicalSize + "/0/default.jpg", version.levelZeroProfile());
        AsyncBody.send(request, response, RenderedImages.Rendered.stored(body));
    }
}
