package dlcs.registration.boundary;

import dlcs.common.JsonFields;
import dlcs.hydra.Hydra;
import dlcs.registration.control.BulkImages;
import dlcs.registration.entity.Customer;
import dlcs.security.boundary.Callers;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;

/**
 * The DLCS's {@code deleteImages}: deletes, in one transaction and each as a single DELETE would,
 * the images that {@code {"member": [{"id": "customer/space/id"}, ...]}} names. Ids that name no
 * image are passed over; if none names one, the answer is a 404 and nothing changes.
 */
@Path("customers/{customer}/deleteImages")
@Produces({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
public class DeleteImagesResource {

    @Inject
    Access access;

    @Inject
    BulkImages bulk;

    @Context
    SecurityContext security;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
    public Response delete(@PathParam("customer") String customer, InputStream body) {
        Customer owner = access.customer(Callers.of(security), customer);
        bulk.delete(BulkInput.keys(BulkInput.members(JsonFields.requireObject(body), bulk::checkCount), owner.id()));
        return Response.noContent().build();
    }
}
