package dlcs.namedquery.boundary;

import dlcs.common.InvalidInputException;
import dlcs.common.JsonFields;
import dlcs.hydra.Hydra;
import dlcs.hydra.Paging;
import dlcs.hydra.PublicUrls;
import dlcs.namedquery.control.NamedQueryStore;
import dlcs.namedquery.entity.NamedQuery;
import dlcs.security.boundary.Callers;
import dlcs.security.control.Caller;
import dlcs.security.control.CustomerAccess;
import dlcs.security.control.CustomerDirectory;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

/**
 * A customer's named queries, and the global ones, which every customer sees in its own
 * collection and under its own path (so that each {@code @id} can be followed with the
 * customer's key); {@code customer} says who owns each.
 */
@Path("customers/{customer}/namedQueries")
@Produces({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
@Consumes({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
public class NamedQueriesResource {

    @Inject
    NamedQueryStore queries;

    @Inject
    CustomerAccess access;

    @Inject
    PublicUrls urls;

    @Context
    SecurityContext security;

    @GET
    public JsonObject list(@PathParam("customer") String customer, @QueryParam("page") String page,
                           @QueryParam("pageSize") String pageSize) {
        long owner = owner(customer).id();
        Paging paging = Paging.parse(page, pageSize);
        return Hydra.collection(urls.of(path(owner)), queries.visibleTo(owner, paging.firstResult(),
                paging.pageSize()), queries.countVisibleTo(owner), paging, null, query -> represent(owner, query));
    }

    @POST
    public Response create(@PathParam("customer") String customer, InputStream body) {
        Caller caller = Callers.of(security);
        long owner = access.customer(caller, customer).id();
        JsonObject json = JsonFields.requireObject(body);
        NamedQuery created = queries.create(owner, JsonFields.string(json, "name"), JsonFields.string(json, "template"),
                Boolean.TRUE.equals(flag(json)), caller.administrator());
        return Response.created(URI.create(url(owner, created))).entity(represent(owner, created)).build();
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("customer") String customer, @PathParam("id") String id) {
        long owner = owner(customer).id();
        return represent(owner, queries.get(owner, id));
    }

    @PUT
    @Path("{id}")
    public JsonObject replace(@PathParam("customer") String customer, @PathParam("id") String id, InputStream body) {
        Caller caller = Callers.of(security);
        long owner = access.customer(caller, customer).id();
        JsonObject json = JsonFields.requireObject(body);
        NamedQueryStore.Change change = new NamedQueryStore.Change(JsonFields.string(json, "name"),
                JsonFields.string(json, "template"), flag(json));
        return represent(owner, queries.change(owner, id, change, caller.administrator()));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("customer") String customer, @PathParam("id") String id) {
        Caller caller = Callers.of(security);
        queries.delete(access.customer(caller, customer).id(), id, caller.administrator());
        return Response.noContent().build();
    }

    private CustomerDirectory.Entry owner(String customer) {
        return access.customer(Callers.of(security), customer);
    }

    /** The query as customer {@code viewer} sees it, under its own path. */
    private JsonObject represent(long viewer, NamedQuery query) {
        return Hydra.resource(url(viewer, query), "NamedQuery")
                .add("id", query.id())
                .add("name", query.name())
                .add("template", query.template())
                .add("global", query.global())
                .add("customer", query.customer())
                .add("created", query.created().toString())
                .build();
    }

    /** {@code "global"}: true, false, or null when not given. */
    private static Boolean flag(JsonObject json) {
        JsonValue value = json.get("global");
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        return switch (value.getValueType()) {
            case TRUE -> true;
            case FALSE -> false;
            default -> throw new InvalidInputException("global must be true or false (a JSON boolean).");
        };
    }

    private String url(long viewer, NamedQuery query) {
        return urls.of(path(viewer) + "/" + query.id());
    }

    private static String path(long customer) {
        return "/customers/" + customer + "/namedQueries";
    }
}
