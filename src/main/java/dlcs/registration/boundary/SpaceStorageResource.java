package dlcs.registration.boundary;

import dlcs.hydra.Hydra;
import dlcs.hydra.PublicUrls;
import dlcs.registration.entity.Space;
import dlcs.security.boundary.Callers;
import dlcs.usage.boundary.UsageRepresentations;
import dlcs.usage.control.UsageLedger;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** What one space stores: a DLCS CustomerStorage for the space. */
@Path("customers/{customer}/spaces/{space}/storage")
@Produces({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
public class SpaceStorageResource {

    @Inject
    Access access;

    @Inject
    UsageLedger usage;

    @Inject
    PublicUrls urls;

    @Context
    SecurityContext security;

    @GET
    public JsonObject get(@PathParam("customer") String customer, @PathParam("space") String space) {
        Space found = access.space(Callers.of(security), customer, space);
        return UsageRepresentations.storage(usage.of(found.customer(), found.number()),
                Representations.spacePath(found.customer(), found.number()) + "/storage", urls);
    }
}
