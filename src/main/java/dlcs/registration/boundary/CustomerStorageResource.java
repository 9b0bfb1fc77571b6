package dlcs.registration.boundary;

import dlcs.common.InvalidInputException;
import dlcs.common.JsonFields;
import dlcs.hydra.Hydra;
import dlcs.hydra.PublicUrls;
import dlcs.registration.entity.Customer;
import dlcs.security.boundary.Callers;
import dlcs.security.control.Caller;
import dlcs.usage.boundary.UsageRepresentations;
import dlcs.usage.control.UsageLedger;
import dlcs.usage.entity.StorageUsage;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;

/**
 * What a customer stores, across all its spaces, and the storage policy that limits it. The
 * customer reads it; only an administrator changes the policy, as in the DLCS, where the
 * policy is a property of this resource.
 */
@Path("customers/{customer}/storage")
@Produces({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
@Consumes({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
public class CustomerStorageResource {

    private static final String POLICY_URL_MARK = "/storagePolicies/";

    @Inject
    Access access;

    @Inject
    UsageLedger usage;

    @Inject
    PublicUrls urls;

    @Context
    SecurityContext security;

    @GET
    public JsonObject get(@PathParam("customer") String customer) {
        Customer found = access.customer(Callers.of(security), customer);
        return represent(usage.of(found.id(), StorageUsage.WHOLE_CUSTOMER));
    }

    /** {@code {"storagePolicy": "large"}}, or the policy's URL as this resource shows it. */
    @PATCH
    public JsonObject govern(@PathParam("customer") String customer, InputStream body) {
        Caller caller = Callers.of(security);
        Customer found = access.customer(caller, customer);
        caller.requireAdministrator();
        String policy = JsonFields.string(JsonFields.requireObject(body), "storagePolicy");
        if (policy == null) {
            throw new InvalidInputException("Give the customer's \"storagePolicy\": a policy's id or URL,"
                    + " as listed at /storagePolicies.");
        }
        int mark = policy.lastIndexOf(POLICY_URL_MARK);
        String id = mark >= 0 ? policy.substring(mark + POLICY_URL_MARK.length()) : policy;
        return represent(usage.govern(found.id(), id));
    }

    private JsonObject represent(StorageUsage figures) {
        return UsageRepresentations.storage(figures, Representations.customerPath(figures.customer()) + "/storage", urls);
    }
}
