package dlcs.registration.boundary;

import dlcs.common.JsonFields;
import dlcs.hydra.Hydra;
import dlcs.hydra.Paging;
import dlcs.hydra.PublicUrls;
import dlcs.registration.control.CustomerStore;
import dlcs.registration.control.Identifiers;
import dlcs.registration.entity.Customer;
import dlcs.security.boundary.Callers;
import dlcs.security.control.Caller;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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

/** Customers: an administrator creates and lists them; a customer key sees its own. */
@Path("customers")
@Produces({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
@Consumes({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
public class CustomersResource {

    @Inject
    CustomerStore customers;

    @Inject
    Access access;

    @Inject
    PublicUrls urls;

    @Context
    SecurityContext security;

    @GET
    public JsonObject list(@QueryParam("page") String page, @QueryParam("pageSize") String pageSize) {
        Caller caller = Callers.of(security);
        Paging paging = Paging.parse(page, pageSize);
        List<Customer> members;
        long total;
        if (caller.administrator()) {
            members = customers.list(paging.firstResult(), paging.pageSize());
            total = customers.count();
        } else {
            members = paging.page() == 1 ? customers.find(caller.customer()).stream().toList() : List.of();
            total = 1;
        }
        return Hydra.collection(urls.of("/customers"), members, total, paging, null,
                customer -> Representations.customer(customer, urls));
    }

    @POST
    public Response create(InputStream body) {
        Callers.of(security).requireAdministrator();
        JsonObject json = JsonFields.requireObject(body);
        String name = Identifiers.customerName(JsonFields.string(json, "name"));
        String displayName = JsonFields.string(json, "displayName");
        Customer customer = customers.create(name, displayName != null ? displayName : name);
        return Response.created(URI.create(urls.of(Representations.customerPath(customer.id()))))
                .entity(Representations.customer(customer, urls)).build();
    }

    @GET
    @Path("{customer}")
    public JsonObject get(@PathParam("customer") String customer) {
        return Representations.customer(access.customer(Callers.of(security), customer), urls);
    }

    @PATCH
    @Path("{customer}")
    public JsonObject amend(@PathParam("customer") String customer, InputStream body) {
        Caller caller = Callers.of(security);
        Customer found = access.customer(caller, customer);
        JsonObject json = JsonFields.requireObject(body);
        String name = JsonFields.string(json, "name");
        if (name != null) {
            caller.requireAdministrator();
            Identifiers.customerName(name);
        }
        return Representations.customer(customers.amend(found.id(), name, JsonFields.string(json, "displayName")), urls);
    }
}
