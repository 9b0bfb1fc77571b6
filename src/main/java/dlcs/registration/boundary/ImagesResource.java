package dlcs.registration.boundary;

import dlcs.common.InvalidInputException;
import dlcs.common.JsonFields;
import dlcs.hydra.Hydra;
import dlcs.hydra.Paging;
import dlcs.hydra.PublicUrls;
import dlcs.registration.control.Identifiers;
import dlcs.registration.control.ImageQuery;
import dlcs.registration.control.ImageRegistrar;
import dlcs.registration.control.ImageStore;
import dlcs.registration.entity.Image;
import dlcs.registration.entity.ImageMetadata;
import dlcs.registration.entity.Space;
import dlcs.security.boundary.Callers;
import dlcs.storage.control.DerivativeStore;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    @Inject
    Access access;

    @Inject
    ImageStore images;

    @Inject
    ImageRegistrar registrar;

    @Inject
    DerivativeStore storage;

    @Inject
    PublicUrls urls;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @GET
    public JsonObject list(@PathParam("customer") String customer, @PathParam("space") String space) {
        Space found = access.space(Callers.of(security), customer, space);
        Map<String, String> parameters = new HashMap<>();
        uriInfo.getQueryParameters().forEach((name, values) -> parameters.put(name, values.get(0)));
        Paging paging = Paging.parse(parameters.get("page"), parameters.get("pageSize"));
        ImageQuery query = ImageQuery.parse(parameters);
        List<Image> members = images.list(found.customer(), found.number(), query, paging.firstResult(),
                paging.pageSize());
        long total = images.count(found.customer(), found.number(), query);
        return Hydra.collection(urls.of(Representations.spacePath(found.customer(), found.number()) + "/images"),
                members, total, paging, query.toQueryString(), image -> Representations.image(image, urls));
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
        Image deleted = images.delete(found.customer(), found.number(), id);
        storage.deleteAll(deleted.customer(), deleted.space(), deleted.imageId());
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

    private static JsonObject readJson(EntityPart part) {
        try (InputStream in = part.getContent()) {
            return JsonFields.requireObject(in, "The 'metadata' part");
        } catch (IOException e) {
            throw new InvalidInputException("The 'metadata' part could not be read: " + e.getMessage());
        }
    }
}
