package dlcs.registration.boundary;

import dlcs.hydra.Hydra;
import dlcs.hydra.Paging;
import dlcs.hydra.PublicUrls;
import dlcs.origin.entity.Strategy;
import dlcs.registration.control.UnknownResourceException;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The built-in policies: thumbnail policies and origin strategies. */
@Path("")
@Produces({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
public class PoliciesResource {

    @Inject
    PublicUrls urls;

    @Inject
    @ConfigProperty(name = "dlcs.thumbnails.sizes", defaultValue = "1024,400,200,100")
    List<Integer> thumbnailBoxes;

    @GET
    @Path("thumbnailPolicies")
    public JsonObject thumbnailPolicies() {
        List<String> policies = List.of("default");
        return Hydra.collection(urls.of("/thumbnailPolicies"), policies, 1, new Paging(1, Paging.DEFAULT_SIZE), null,
                name -> Hydra.resource(urls.of("/thumbnailPolicies/" + name), "ThumbnailPolicy")
                        .add("name", name)
                        .add("sizes", Hydra.strings(thumbnailBoxes.stream().map(box -> "!" + box + "," + box).toList()))
                        .build());
    }

    @GET
    @Path("originStrategies")
    public JsonObject originStrategies() {
        List<Strategy> all = List.of(Strategy.values());
        return Hydra.collection(urls.of("/originStrategies"), all, all.size(), new Paging(1, Paging.DEFAULT_SIZE), null,
                this::originStrategy);
    }

    @GET
    @Path("originStrategies/{name}")
    public JsonObject originStrategy(@PathParam("name") String name) {
        return originStrategy(Strategy.named(name).orElseThrow(() ->
                new UnknownResourceException("There is no origin strategy '" + name + "'.")));
    }

    private JsonObject originStrategy(Strategy strategy) {
        return Hydra.resource(urls.of("/originStrategies/" + strategy.label()), "OriginStrategy")
                .add("name", strategy.label())
                .add("description", strategy.description())
                .add("schemes", Hydra.strings(strategy.schemes().stream().sorted().toList()))
                .add("credentials", Hydra.strings(strategy.requiredFields()))
                .add("optionalCredentials", Hydra.strings(strategy.optionalFields()))
                .build();
    }
}
