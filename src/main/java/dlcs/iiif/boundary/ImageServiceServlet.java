package dlcs.iiif.boundary;

import dlcs.iiif.control.AnonymousAccess;
import dlcs.iiif.control.DeliveryMeter;
import dlcs.iiif.control.RenderedImages;
import dlcs.iiif.control.ServedImage;
import dlcs.iiif.control.ServedImages;
import dlcs.iiif.entity.ApiVersion;
import dlcs.iiif.entity.ImageRequest;
import dlcs.iiif.entity.Limits;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.NoSuchFileException;

/**
 * The IIIF Image API service at {@code /iiif-img/[v2/|v3/]{customer}/{space}/{id}}: the base
 * URI redirect, info.json and image requests, served from the stored pyramid, within what
 * anonymous callers may have of the image ({@link AnonymousAccess}). A servlet, not JAX-RS: this
 * is the hot path. On WildFly the commonest request, a stored tile of an open image, is
 * answered before it reaches the servlet ({@link StoredTileHandler}); everything else, and all
 * of it on other containers, is answered here.
 */
@WebServlet(urlPatterns = StoredTiles.MOUNT + "/*", loadOnStartup = 1, asyncSupported = true)
public class ImageServiceServlet extends DeliveryServlet {

    @Inject
    ServedImages served;

    @Inject
    RenderedImages renderer;

    /** Hands the stored-tile path to {@link StoredTileHandler}, where the container has it; started with the application. */
    @Override
    public void init() {
        getServletContext().setAttribute(StoredTiles.class.getName(),
                new StoredTiles(settings, served, renderer, publicBase, meter));
    }

    @Override
    String mount() {
        return StoredTiles.MOUNT;
    }

    @Override
    void info(HttpServletRequest request, HttpServletResponse response, IiifPaths path, ApiVersion version,
               String serviceId) throws IOException {
        ServedImage image = served.find(path.customer(), path.space(), path.id());
        Limits limits = AnonymousAccess.limits(image, settings.limits());
        String variant = "info" + version.number();
        if (Responses.notModified(request, response, image, variant)) {
            return;
        }
        Responses.cacheable(response, image, variant);
        Responses.json(request, response, InfoDocuments.imageService(image, serviceId, version, limits), version);
    }

    @Override
    DeliveryMeter.Kind imageKind() {
        return DeliveryMeter.Kind.IMAGE;
    }

    @Override
    void image(HttpServletRequest request, HttpServletResponse response, IiifPaths path, ApiVersion version,
               String serviceId, DeliveryMeter.Delivery delivery) throws IOException {
        ImageRequest parsed = path.imageRequest(version);
        ServedImage image = served.find(path.customer(), path.space(), path.id());
        ImageRequest.Resolved resolved = AnonymousAccess.resolve(image, parsed, settings.limits());
        delivery.is(renderer.sendsAsStored(image, resolved) ? DeliveryMeter.Kind.STORED_TILE
                : DeliveryMeter.Kind.RENDER);
        if (Responses.notModified(request, response, image, "")) {
            return;
        }
        RenderedImages.Rendered rendered;
        try {
            rendered = renderer.render(image, resolved);
        } catch (NoSuchFileException e) {
            // re-registered or deleted since it was looked up: look again
            served.forget(path.customer(), path.space(), path.id());
            image = served.find(path.customer(), path.space(), path.id());
            resolved = AnonymousAccess.resolve(image, parsed, settings.limits());
            rendered = renderer.render(image, resolved);
        }
        // the render's share of the memory budget is held until its body is sent
        response.setContentType(rendered.mediaType());
        response.setContentLengthLong(rendered.length());
        Responses.cacheable(response, image, "");
        Responses.links(response, serviceId + "/" + resolved.canonical(), version.levelTwoProfile());
        AsyncBody.send(request, response, rendered);
    }
}
