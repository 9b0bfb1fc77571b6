package dlcs.origin.boundary;

import dlcs.common.InvalidInputException;
import dlcs.common.JsonFields;
import dlcs.hydra.Hydra;
import dlcs.origin.control.OriginCredentials;
import dlcs.origin.control.OriginStrategyStore;
import dlcs.origin.entity.CustomerOriginStrategy;
import dlcs.origin.entity.Strategy;
import dlcs.security.control.Caller;
import dlcs.security.control.CustomerDirectory;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A customer's origin strategies: which origins (by regex) are fetched how, with which
 * credentials. Credentials are write-only: they are shown as {@code "xxx"}.
 */
@Path("customers/{customer}/originStrategies")
@Produces({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
@Consumes({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
public class OriginStrategiesResource extends CustomerRecordsResource<CustomerOriginStrategy> {

    static final String HIDDEN = "xxx";

    @Inject
    OriginStrategyStore strategies;

    public OriginStrategiesResource() {
        super("originStrategies", "CustomerOriginStrategy");
    }

    @Override
    protected OriginStrategyStore records() {
        return strategies;
    }

    @POST
    public Response create(@PathParam("customer") String customer, InputStream body) {
        Caller caller = caller();
        CustomerDirectory.Entry owner = owner(caller, customer);
        return created(strategies.create(owner.id(), input(body), caller.administrator()));
    }

    @PUT
    @Path("{id}")
    public JsonObject replace(@PathParam("customer") String customer, @PathParam("id") String id,
                              InputStream body) {
        Caller caller = caller();
        CustomerDirectory.Entry owner = owner(caller, customer);
        return represent(strategies.replace(owner.id(), id, input(body), caller.administrator()));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("customer") String customer, @PathParam("id") String id) {
        return deleted(owner(caller(), customer).id(), id);
    }

    @Override
    protected void describe(CustomerOriginStrategy rule, JsonObjectBuilder json) {
        json.add("regex", rule.regex())
                .add("strategy", rule.strategy().label())
                .add("originStrategy", urls.of("/originStrategies/" + rule.strategy().label()))
                .add("order", rule.order());
        if (rule.credentials() != null) {
            json.add("credentials", HIDDEN);
        }
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
