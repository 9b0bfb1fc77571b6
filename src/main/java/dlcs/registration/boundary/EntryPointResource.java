package dlcs.registration.boundary;

import dlcs.hydra.Hydra;
import dlcs.hydra.PublicUrls;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The API's entry point: links to the top-level collections. Open to all. Its {@code @id} is
 * the base URL without a trailing slash, as the DLCS's is: clients append {@code /queue} and
 * the like to it.
 */
@Path("")
@Produces({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
public class EntryPointResource {

    @Inject
    PublicUrls urls;

    @GET
    public JsonObject entryPoint() {
        return Hydra.resource(urls.base(), "EntryPoint")
                .add("customers", urls.of("/customers"))
                .add("originStrategies", urls.of("/originStrategies"))
                .add("thumbnailPolicies", urls.of("/thumbnailPolicies"))
                .add("storagePolicies", urls.of("/storagePolicies"))
                .add("queue", urls.of("/queue"))
                .build();
    }
}
