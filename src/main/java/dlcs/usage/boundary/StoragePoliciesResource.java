package dlcs.usage.boundary;

import dlcs.common.InvalidInputException;
import dlcs.common.JsonFields;
import dlcs.hydra.Hydra;
import dlcs.hydra.Paging;
import dlcs.hydra.PublicUrls;
import dlcs.security.boundary.Callers;
import dlcs.usage.control.StoragePolicies;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
 * Storage policies, as the DLCS has them. Any key may read them (a customer sees what governs
 * it); only an administrator creates, changes (PUT, with both limits) or deletes one.
 */
@Path("storagePolicies")
@Produces({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
@Consumes({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
public class StoragePoliciesResource {

    @Inject
    StoragePolicies policies;

    @Inject
    PublicUrls urls;

    @Context
    SecurityContext security;

    @GET
    public JsonObject list(@QueryParam("page") String page, @QueryParam("pageSize") String pageSize) {
        Callers.of(security);
        Paging paging = Paging.parse(page, pageSize);
        return Hydra.collection(urls.of("/storagePolicies"), policies.list(paging.firstResult(), paging.pageSize()),
                policies.count(), paging, null, policy -> UsageRepresentations.policy(policy, urls));
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        Callers.of(security);
        return UsageRepresentations.policy(policies.get(id), urls);
    }

    @PUT
    @Path("{id}")
    public Response put(@PathParam("id") String id, InputStream body) {
        Callers.of(security).requireAdministrator();
        JsonObject json = JsonFields.requireObject(body);
        boolean created = policies.put(id, required(json, "maximumNumberOfStoredImages"),
                required(json, "maximumTotalSizeOfStoredImages"));
        JsonObject policy = UsageRepresentations.policy(policies.get(id), urls);
        return created ? Response.created(URI.create(urls.of(UsageRepresentations.policyPath(id)))).entity(policy).build()
                : Response.ok(policy).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        Callers.of(security).requireAdministrator();
        policies.delete(id);
        return Response.noContent().build();
    }

    private static long required(JsonObject json, String field) {
        Long value = JsonFields.wholeNumber(json, field);
        if (value == null || value < 0) {
            throw new InvalidInputException("Give " + field + " as a whole number of at least 0; PUT replaces both"
                    + " limits: {\"maximumNumberOfStoredImages\": 1000, \"maximumTotalSizeOfStoredImages\": 10000000000}.");
        }
        return value;
    }
}
