package dlcs.registration.boundary;

import dlcs.common.InvalidInputException;
import dlcs.common.JsonFields;
import dlcs.hydra.BodyLimit;
import dlcs.hydra.Hydra;
import dlcs.hydra.PublicUrls;
import dlcs.registration.control.BulkImages;
import dlcs.registration.control.Identifiers;
import dlcs.registration.control.ImageListings;
import dlcs.registration.control.ImageRegistrar;
import dlcs.registration.control.ImageStore;
import dlcs.registration.entity.Image;
import dlcs.registration.entity.ImageMetadata;
import dlcs.registration.entity.Space;
import dlcs.security.boundary.Callers;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * A space's images. Registration is immediate: the answer comes once the derivative is
 * written. The image comes from its {@code origin} (JSON body), or its bytes are sent in the
 * request: a multipart {@code file} part with an optional JSON {@code metadata} part, or a raw
 * {@code image/*} body.
 */
@Path("customers/{customer}/spaces/{space}/images")
@Produces({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
public class ImagesResource {

    private static final String IMAGE_TYPES = "image/*";
    /**
     * A bulk PATCH may be larger than other JSON: 16 KiB for each of the 500 images it may name
     * (dlcs.api.max-image-list), a partial image with every field at its longest being about 13 KiB.
     */
    static final String MAX_BULK_BYTES = "dlcs.api.max-bulk-bytes";
    static final long DEFAULT_MAX_BULK_BYTES = 8L * 1024 * 1024;

    @Inject
    Access access;

    @Inject
    ImageStore images;

    @Inject
    ImageListings listings;

    @Inject
    ImageRegistrar registrar;

    @Inject
    BulkImages bulk;

    @Inject
    PublicUrls urls;

    @Context
    SecurityContext security;

    @GET
    public JsonObject list(@PathParam("customer") String customer, @PathParam("space") String space,
                           @BeanParam ImageListing listing) {
        Space found = access.space(Callers.of(security), customer, space);
        return listing.collection(urls.of(listPath(found)), null,
                (query, first, max) -> listings.list(found.customer(), found.number(), query, first, max),
                query -> listings.count(found.customer(), found.number(), query), image -> Representations.image(image, urls));
    }

    /**
     * Changes the metadata of many of the space's images in one transaction (a Hydra Collection
     * of partial images, each with its {@code id}); answers the changed images.
     */
    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
    @BodyLimit(key = MAX_BULK_BYTES, bytes = DEFAULT_MAX_BULK_BYTES)
    public JsonObject amendMany(@PathParam("customer") String customer, @PathParam("space") String space,
                                InputStream body) {
        Space found = access.space(Callers.of(security), customer, space);
        JsonArray members = BulkInput.members(JsonFields.requireObject(body), bulk::checkCount);
        List<Image> changed = bulk.amend(found.customer(), found.number(), BulkInput.patches(members, found.number()));
        return Hydra.collection(urls.of(listPath(found)), changed, image -> Representations.image(image, urls));
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
    public Response registerNew(@PathParam("customer") String customer, @PathParam("space") String space,
                                InputStream body) {
        JsonObject json = JsonFields.requireObject(body);
        return registerJson(customer, space, Identifiers.imageIdOrMinted(JsonFields.string(json, "id")), json);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response uploadNew(@PathParam("customer") String customer, @PathParam("space") String space,
                              List<EntityPart> parts) {
        return upload(customer, space, null, parts);
    }

    @POST
    @Consumes(IMAGE_TYPES)
    public Response uploadNewRaw(@PathParam("customer") String customer, @PathParam("space") String space,
                                 InputStream body) {
        Space found = access.space(Callers.of(security), customer, space);
        return answer(registrar.registerFromBytes(found, UUID.randomUUID().toString(), ImageMetadata.none(), body));
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("customer") String customer, @PathParam("space") String space,
                          @PathParam("id") String id) {
        Space found = access.space(Callers.of(security), customer, space);
        return Representations.image(images.get(found.customer(), found.number(), id), urls);
    }

    @PUT
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
    public Response register(@PathParam("customer") String customer, @PathParam("space") String space,
                             @PathParam("id") String id, InputStream body) {
        JsonObject json = JsonFields.requireObject(body);
        String imageId = Identifiers.imageId(id);
        String given = JsonFields.string(json, "id");
        if (given != null && !given.equals(imageId)) {
            throw new InvalidInputException("The body's id '" + given + "' differs from the id in the path '"
                    + imageId + "'; leave it out or make them equal.");
        }
        return registerJson(customer, space, imageId, json);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("customer") String customer, @PathParam("space") String space,
                           @PathParam("id") String id, List<EntityPart> parts) {
        Space found = access.space(Callers.of(security), customer, space);
        EntityPart file = null;
        ImageMetadata metadata = ImageMetadata.none();
        String idFromMetadata = null;
        for (EntityPart part : parts) {
            if ("file".equals(part.getName())) {
                file = part;
            } else if ("metadata".equals(part.getName())) {
                JsonObject json = readJson(part);
                metadata = ImageInput.parse(json);
                idFromMetadata = JsonFields.string(json, "id");
            }
        }
        if (file == null) {
            throw new InvalidInputException("Send the image in a multipart part named 'file'"
                    + " (curl -F file=@image.jpg), with its metadata as JSON in an optional part named 'metadata'.");
        }
        String imageId = id != null ? Identifiers.imageId(id) : Identifiers.imageIdOrMinted(idFromMetadata);
        if (id != null && idFromMetadata != null && !idFromMetadata.equals(imageId)) {
            throw new InvalidInputException("The metadata's id '" + idFromMetadata + "' differs from the id in the path.");
        }
        return answer(registrar.registerFromBytes(found, imageId, metadata, file.getContent()));
    }

    @PUT
    @Path("{id}")
    @Consumes(IMAGE_TYPES)
    public Response uploadRaw(@PathParam("customer") String customer, @PathParam("space") String space,
                              @PathParam("id") String id, InputStream body) {
        Space found = access.space(Callers.of(security), customer, space);
        return answer(registrar.registerFromBytes(found, Identifiers.imageId(id), ImageMetadata.none(), body));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
    public JsonObject amend(@PathParam("customer") String customer, @PathParam("space") String space,
                            @PathParam("id") String id, InputStream body) {
        Space found = access.space(Callers.of(security), customer, space);
        Image image = images.get(found.customer(), found.number(), id);
        ImageMetadata patch = ImageInput.parse(JsonFields.requireObject(body));
        if (patch.origin() != null && !patch.origin().equals(image.origin())) {
            return Representations.image(registrar.amendFromOrigin(found, id, patch).image(), urls);
        }
        return Representations.image(images.amend(found.customer(), found.number(), id, patch), urls);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("customer") String customer, @PathParam("space") String space,
                           @PathParam("id") String id) {
        Space found = access.space(Callers.of(security), customer, space);
        images.delete(found.customer(), found.number(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/reingest")
    public JsonObject reingest(@PathParam("customer") String customer, @PathParam("space") String space,
                               @PathParam("id") String id) {
        Space found = access.space(Callers.of(security), customer, space);
        return Representations.image(registrar.reingest(found, id).image(), urls);
    }

    private Response registerJson(String customer, String space, String imageId, JsonObject json) {
        Space found = access.space(Callers.of(security), customer, space);
        ImageMetadata metadata = ImageInput.parse(json);
        if (metadata.origin() == null) {
            throw new InvalidInputException("Give the image's \"origin\" (an http, https, s3, ftp, ftps or sftp"
                    + " URL), or send its bytes"
                    + " as multipart/form-data (a 'file' part) or as an image/* body.");
        }
        return answer(registrar.registerFromOrigin(found, imageId, metadata));
    }

    private Response answer(ImageStore.Saved registered) {
        Image image = registered.image();
        JsonObject entity = Representations.image(image, urls);
        if (registered.created()) {
            return Response.created(URI.create(urls.of(
                    Representations.imagePath(image.customer(), image.space(), image.imageId())))).entity(entity).build();
        }
        return Response.ok(entity).build();
    }

    private static String listPath(Space space) {
        return Representations.spacePath(space.customer(), space.number()) + "/images";
    }

    private static JsonObject readJson(EntityPart part) {
        try (InputStream in = part.getContent()) {
            return JsonFields.requireObject(in, "The 'metadata' part");
        } catch (IOException e) {
            throw new InvalidInputException("The 'metadata' part could not be read: " + e.getMessage());
        }
    }
}
