package dlcs.registration.boundary;

import dlcs.hydra.Hydra;
import dlcs.hydra.Paging;
import dlcs.hydra.PublicUrls;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The built-in policies: thumbnail policies and origin strategies. */
@Path("")
@Produces({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
public class PoliciesResource {

    static final List<String> ORIGIN_STRATEGIES = List.of("default", "basic-http-authentication", "s3-ambient",
            "s3-credentials", "ftp-credentials", "sftp");

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
        return Hydra.collection(urls.of("/originStrategies"), ORIGIN_STRATEGIES, ORIGIN_STRATEGIES.size(),
                new Paging(1, Paging.DEFAULT_SIZE), null,
                name -> Hydra.resource(urls.of("/originStrategies/" + name), "OriginStrategy")
                        .add("name", name)
                        .add("supported", name.equals("default"))
                        .build());
    }
}
