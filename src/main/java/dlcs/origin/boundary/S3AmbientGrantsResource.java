package dlcs.origin.boundary;

import dlcs.common.JsonFields;
import dlcs.hydra.Hydra;
import dlcs.origin.control.S3AmbientGrants;
import dlcs.origin.entity.S3AmbientGrant;
import dlcs.security.control.AccessDeniedException;
import dlcs.security.control.Caller;
import dlcs.security.control.CustomerDirectory;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/**
 * The buckets and prefixes a customer may read with the server's own S3 identity (strategy
 * {@code s3-ambient}). The customer's keys see them; only an administrator adds or removes one.
 */
@Path("customers/{customer}/s3AmbientGrants")
@Produces({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
@Consumes({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
public class S3AmbientGrantsResource extends CustomerRecordsResource<S3AmbientGrant> {

    @Inject
    S3AmbientGrants grants;

    @Override
    protected S3AmbientGrants records() {
        return grants;
    }

    public S3AmbientGrantsResource() {
        super("s3AmbientGrants", "S3AmbientGrant");
    }

    /** Grants a bucket, or a folder of one: {@code {"bucket": "masters", "prefix": "2024/"}}. */
    @POST
    public Response create(@PathParam("customer") String customer, InputStream body) {
        long owner = administered(customer).id();
        JsonObject json = JsonFields.requireObject(body);
        return created(grants.create(owner, JsonFields.string(json, "bucket"), JsonFields.string(json, "prefix")));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("customer") String customer, @PathParam("id") String id) {
        return deleted(administered(customer).id(), id);
    }

    /** The customer of the path, for an administrator's key only. */
    private CustomerDirectory.Entry administered(String customer) {
        Caller caller = caller();
        CustomerDirectory.Entry owner = owner(caller, customer);
        if (!caller.administrator()) {
            throw new AccessDeniedException("Only an administrator grants buckets or prefixes to be read with the"
                    + " server's own S3 identity; a customer's key may list them (GET).");
        }
        return owner;
    }

    @Override
    protected void describe(S3AmbientGrant grant, JsonObjectBuilder json) {
        json.add("bucket", grant.bucket()).add("prefix", grant.prefix()).add("origins", grant.origins());
    }
}
