package dlcs.origin.boundary;

import dlcs.common.UnknownResourceException;
import dlcs.hydra.Hydra;
import dlcs.hydra.Paging;
import dlcs.hydra.PublicUrls;
import dlcs.origin.entity.Strategy;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The built-in origin strategies: what each fetches, and which credentials it takes. */
@Path("originStrategies")
@Produces({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
public class BuiltInStrategiesResource {

    @Inject
    PublicUrls urls;

    @GET
    public JsonObject list() {
        List<Strategy> all = List.of(Strategy.values());
        return Hydra.collection(urls.of("/originStrategies"), all, all.size(), new Paging(1, Paging.DEFAULT_SIZE), null,
                this::represent);
    }

    @GET
    @Path("{name}")
    public JsonObject get(@PathParam("name") String name) {
        return represent(Strategy.named(name).orElseThrow(() ->
                new UnknownResourceException("There is no origin strategy '" + name + "'.")));
    }

    private JsonObject represent(Strategy strategy) {
        return Hydra.resource(urls.of("/originStrategies/" + strategy.label()), "OriginStrategy")
                .add("name", strategy.label())
                .add("description", strategy.description())
                .add("schemes", Hydra.strings(strategy.schemes().stream().sorted().toList()))
                .add("credentials", Hydra.strings(strategy.requiredFields()))
                .add("optionalCredentials", Hydra.strings(strategy.optionalFields()))
                .build();
    }
}
