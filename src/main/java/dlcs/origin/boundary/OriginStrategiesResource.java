package dlcs.origin.boundary;

import dlcs.common.InvalidInputException;
import dlcs.common.JsonFields;
import dlcs.hydra.Hydra;
import dlcs.hydra.Paging;
import dlcs.hydra.PublicUrls;
import dlcs.origin.control.OriginCredentials;
import dlcs.origin.control.OriginStrategyStore;
import dlcs.origin.entity.CustomerOriginStrategy;
import dlcs.origin.entity.Strategy;
import dlcs.security.boundary.Callers;
import dlcs.security.control.CustomerAccess;
import dlcs.security.control.CustomerDirectory;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A customer's origin strategies: which origins (by regex) are fetched how, with which
 * credentials. Credentials are write-only: they are shown as {@code "xxx"}.
 */
@Path("customers/{customer}/originStrategies")
@Produces({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
@Consumes({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
public class OriginStrategiesResource {

    static final String HIDDEN = "xxx";

    @Inject
    OriginStrategyStore strategies;

    @Inject
    CustomerAccess access;

    @Inject
    PublicUrls urls;

    @Context
    SecurityContext security;

    @GET
    public JsonObject list(@PathParam("customer") String customer, @QueryParam("page") String page,
                           @QueryParam("pageSize") String pageSize) {
        CustomerDirectory.Entry owner = access.customer(Callers.of(security), customer);
        Paging paging = Paging.parse(page, pageSize);
        return Hydra.collection(urls.of(path(owner.id())), strategies.list(owner.id(), paging.firstResult(),
                paging.pageSize()), strategies.count(owner.id()), paging, null, this::represent);
    }

    @POST
    public Response create(@PathParam("customer") String customer, InputStream body) {
        CustomerDirectory.Entry owner = access.customer(Callers.of(security), customer);
        CustomerOriginStrategy created = strategies.create(owner.id(), input(body));
        return Response.created(URI.create(urls.of(path(owner.id()) + "/" + created.id())))
                .entity(represent(created)).build();
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("customer") String customer, @PathParam("id") String id) {
        CustomerDirectory.Entry owner = access.customer(Callers.of(security), customer);
        return represent(strategies.get(owner.id(), id));
    }

    @PUT
    @Path("{id}")
    public JsonObject replace(@PathParam("customer") String customer, @PathParam("id") String id,
                              InputStream body) {
        CustomerDirectory.Entry owner = access.customer(Callers.of(security), customer);
        return represent(strategies.replace(owner.id(), id, input(body)));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("customer") String customer, @PathParam("id") String id) {
        CustomerDirectory.Entry owner = access.customer(Callers.of(security), customer);
        strategies.delete(owner.id(), id);
        return Response.noContent().build();
    }

    private static String path(long customer) {
        return "/customers/" + customer + "/originStrategies";
    }

    private JsonObject represent(CustomerOriginStrategy rule) {
        var json = Hydra.resource(urls.of(path(rule.customer()) + "/" + rule.id()), "CustomerOriginStrategy")
                .add("id", rule.id())
                .add("regex", rule.regex())
                .add("strategy", rule.strategy().label())
                .add("originStrategy", urls.of("/originStrategies/" + rule.strategy().label()))
                .add("order", rule.order())
                .add("created", rule.created().toString());
        if (rule.credentials() != null) {
            json.add("credentials", HIDDEN);
        }
        return json.build();
    }

    private static OriginStrategyStore.Input input(InputStream body) {
        JsonObject json = JsonFields.requireObject(body);
        String name = JsonFields.string(json, "strategy");
        Strategy strategy = null;
        if (name != null) {
            strategy = Strategy.named(name).orElseThrow(() -> new InvalidInputException("There is no origin strategy '"
                    + name + "'; use one of " + Arrays.stream(Strategy.values()).map(Strategy::label)
                    .collect(Collectors.joining(", ")) + "."));
        }
        JsonValue given = json.get("credentials");
        OriginCredentials credentials = null;
        boolean hiddenEcho = given instanceof JsonString text && text.getString().equals(HIDDEN);
        if (given != null && given != JsonValue.NULL && !hiddenEcho && strategy != null) {
            if (!strategy.takesCredentials()) {
                throw new InvalidInputException("Strategy '" + strategy.label() + "' takes no credentials; leave them out.");
            }
            credentials = OriginCredentials.parse(strategy, given);
        }
        return new OriginStrategyStore.Input(JsonFields.string(json, "regex"), strategy, credentials,
                JsonFields.integer(json, "order"));
    }
}
