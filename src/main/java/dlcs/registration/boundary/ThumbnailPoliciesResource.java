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

/** The built-in thumbnail policies. */
@Path("thumbnailPolicies")
@Produces({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
public class ThumbnailPoliciesResource {

    @Inject
    PublicUrls urls;

    @Inject
    @ConfigProperty(name = "dlcs.thumbnails.sizes", defaultValue = "1024,400,200,100")
    List<Integer> thumbnailBoxes;

    @GET
    public JsonObject thumbnailPolicies() {
        List<String> policies = List.of("default");
        return Hydra.collection(urls.of("/thumbnailPolicies"), policies, 1, new Paging(1, Paging.DEFAULT_SIZE), null,
                name -> Hydra.resource(urls.of("/thumbnailPolicies/" + name), "ThumbnailPolicy")
                        .add("name", name)
                        .add("sizes", Hydra.strings(thumbnailBoxes.stream().map(box -> "!" + box + "," + box).toList()))
                        .build());
    }
}
