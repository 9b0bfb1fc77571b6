package dlcs.registration.boundary;

import dlcs.hydra.Hydra;
import dlcs.hydra.Paging;
import dlcs.hydra.PublicUrls;
import dlcs.common.UnknownResourceException;
import dlcs.registration.entity.Customer;
import dlcs.security.boundary.Callers;
import dlcs.security.control.KeyStore;
import dlcs.security.control.NewKey;
import dlcs.security.entity.ApiKey;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.List;

/** A customer's API keys. The secret appears once, in the answer to the POST that makes it. */
@Path("customers/{customer}/keys")
@Produces({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
public class KeysResource {

    @Inject
    KeyStore keys;

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
        List<ApiKey> all = keys.keysOf(owner.id());
        List<ApiKey> members = all.stream().skip(paging.firstResult()).limit(paging.pageSize()).toList();
        return Hydra.collection(urls.of(Representations.customerPath(owner.id()) + "/keys"), members, all.size(),
                paging, null, key -> Representations.key(key, urls));
    }

    @POST
    public Response create(@PathParam("customer") String customer) {
        Customer owner = access.customer(Callers.of(security), customer);
        NewKey key = keys.create(owner.id());
        String id = urls.of(Representations.customerPath(owner.id()) + "/keys/" + key.key());
        return Response.created(URI.create(id))
                .entity(Hydra.resource(id, "Key").add("key", key.key()).add("secret", key.secret()).build())
                .build();
    }

    @DELETE
    @Path("{key}")
    public Response delete(@PathParam("customer") String customer, @PathParam("key") String key) {
        Customer owner = access.customer(Callers.of(security), customer);
        if (!keys.delete(owner.id(), key)) {
            throw new UnknownResourceException("Customer " + owner.id() + " has no key " + key + ".");
        }
        return Response.noContent().build();
    }
}
