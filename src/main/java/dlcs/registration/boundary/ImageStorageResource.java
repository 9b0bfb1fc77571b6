package dlcs.registration.boundary;

import dlcs.hydra.Hydra;
import dlcs.hydra.PublicUrls;
import dlcs.imaging.entity.DerivativeBytes;
import dlcs.registration.control.ImageStore;
import dlcs.registration.entity.Image;
import dlcs.registration.entity.Space;
import dlcs.security.boundary.Callers;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;

/**
 * What one image stores, as the DLCS's ImageStorage: {@code size} (its derivative) and
 * {@code thumbnailSize}, recorded when the derivative was made. {@code checkingInProgress} is
 * true while a derivative made by an earlier release waits to be measured.
 */
@Path("customers/{customer}/spaces/{space}/images/{id}/storage")
@Produces({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
public class ImageStorageResource {

    @Inject
    Access access;

    @Inject
    ImageStore images;

    @Inject
    PublicUrls urls;

    @Context
    SecurityContext security;

    @GET
    public JsonObject get(@PathParam("customer") String customer, @PathParam("space") String space,
                          @PathParam("id") String id) {
        Space found = access.space(Callers.of(security), customer, space);
        Image image = images.get(found.customer(), found.number(), id);
        Optional<DerivativeBytes> bytes = image.storedBytes();
        JsonObjectBuilder json = Hydra.resource(urls.of(Representations.imagePath(image.customer(), image.space(),
                        image.imageId()) + "/storage"), "ImageStorage")
                .add("size", bytes.map(DerivativeBytes::derivative).orElse(0L))
                .add("thumbnailSize", bytes.map(DerivativeBytes::thumbnails).orElse(0L))
                .add("checkingInProgress", image.isServable() && bytes.isEmpty());
        if (bytes.isPresent()) {
            Hydra.addIfPresent(json, "lastChecked", image.finished());
        }
        return json.build();
    }
}
