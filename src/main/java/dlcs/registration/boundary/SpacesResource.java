package dlcs.registration.boundary;

import dlcs.common.InvalidInputException;
import dlcs.common.JsonFields;
import dlcs.hydra.Hydra;
import dlcs.hydra.Paging;
import dlcs.hydra.PublicUrls;
import dlcs.registration.control.SpaceSettings;
import dlcs.registration.control.SpaceStore;
import dlcs.registration.entity.Customer;
import dlcs.registration.entity.Space;
import dlcs.security.boundary.Callers;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

/** A customer's spaces. */
@Path("customers/{customer}/spaces")
@Produces({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
@Consumes({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
public class SpacesResource {

    @Inject
    SpaceStore spaces;

    @Inject
    Access access;

    @Inject
    PublicUrls urls;

    @Context
    SecurityContext security;

    @GET
    public JsonObject list(@PathParam("customer") String customer, @QueryParam("page") String page,
                           @QueryParam("pageSize") String pageSize) {
        Customer owner = access.customer(Callers.of(security), customer);
        Paging paging = Paging.parse(page, pageSize);
        List<Space> members = spaces.list(owner.id(), paging.firstResult(), paging.pageSize());
        return Hydra.collection(urls.of(Representations.customerPath(owner.id()) + "/spaces"), members,
                spaces.count(owner.id()), paging, null, this::represent);
    }

    @POST
    public Response create(@PathParam("customer") String customer, InputStream body) {
        Customer owner = access.customer(Callers.of(security), customer);
        Space space = spaces.create(owner.id(), settings(body));
        return Response.created(URI.create(urls.of(Representations.spacePath(owner.id(), space.number()))))
                .entity(represent(space)).build();
    }

    @GET
    @Path("{space}")
    public JsonObject get(@PathParam("customer") String customer, @PathParam("space") String space) {
        return represent(access.space(Callers.of(security), customer, space));
    }

    /** Replaces the space's settings (200), or creates the space at this number (201), as the DLCS does. */
    @PUT
    @Path("{space}")
    public Response replace(@PathParam("customer") String customer, @PathParam("space") String space,
                            InputStream body) {
        Customer owner = access.customer(Callers.of(security), customer);
        if (!space.matches("\\d{1,9}")) {
            throw new InvalidInputException("PUT a space at its number, 1 to " + Space.MAX_NUMBER
                    + ": /customers/{c}/spaces/{number}.");
        }
        int number = Integer.parseInt(space);
        JsonObject json = JsonFields.requireObject(body);
        Integer given = JsonFields.integer(json, "id");
        if (given != null && given != number) {
            throw new InvalidInputException("The body's id " + given + " differs from the space number in the path, "
                    + number + "; leave it out or make them equal.");
        }
        SpaceStore.Saved saved = spaces.put(owner.id(), number, settings(json));
        Response.ResponseBuilder response = saved.created()
                ? Response.created(URI.create(urls.of(Representations.spacePath(owner.id(), number))))
                : Response.ok();
        return response.entity(represent(saved.space())).build();
    }

    @PATCH
    @Path("{space}")
    public JsonObject amend(@PathParam("customer") String customer, @PathParam("space") String space,
                            InputStream body) {
        Space found = access.space(Callers.of(security), customer, space);
        return represent(spaces.amend(found.customer(), found.number(), settings(body), true));
    }

    @DELETE
    @Path("{space}")
    public Response delete(@PathParam("customer") String customer, @PathParam("space") String space) {
        Space found = access.space(Callers.of(security), customer, space);
        spaces.delete(found.customer(), found.number());
        return Response.noContent().build();
    }

    private JsonObject represent(Space space) {
        return Representations.space(space, spaces.imageCount(space.customer(), space.number()), urls);
    }

    private static SpaceSettings settings(InputStream body) {
        return settings(JsonFields.requireObject(body));
    }

    private static SpaceSettings settings(JsonObject json) {
        return new SpaceSettings(JsonFields.string(json, "name"), JsonFields.strings(json, "defaultTags"),
                JsonFields.strings(json, "defaultRoles"), JsonFields.integer(json, "maxUnauthorised"));
    }
}
