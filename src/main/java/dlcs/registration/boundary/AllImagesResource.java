package dlcs.registration.boundary;

import dlcs.common.JsonFields;
import dlcs.hydra.Hydra;
import dlcs.hydra.PublicUrls;
import dlcs.registration.control.BulkImages;
import dlcs.registration.control.ImageListings;
import dlcs.registration.entity.Customer;
import dlcs.security.boundary.Callers;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;

/**
 * The images of all a customer's spaces, as the DLCS's {@code allImages}: GET lists them with the
 * space listing's filters ({@code space} in {@code q} narrows to one space); POST answers the
 * images a list of ids names, all in one page.
 */
@Path("customers/{customer}/allImages")
@Produces({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
public class AllImagesResource {

    @Inject
    Access access;

    @Context
    SecurityContext security;

    @Inject
    PublicUrls urls;

    @Inject
    ImageListings listings;

    @Inject
    BulkImages bulk;

    @GET
    public JsonObject list(@PathParam("customer") String customer, @BeanParam ImageListing listing) {
        Customer owner = access.customer(Callers.of(security), customer);
        return listing.collection(urls.of(path(owner)), null,
                (query, first, max) -> listings.listAll(owner.id(), query, first, max),
                query -> listings.countAll(owner.id(), query), image -> Representations.image(image, urls));
    }

    /**
     * The images that {@code {"member": [{"id": "customer/space/id"}, ...]}} names; ids that name
     * no image are left out of the answer, as in the DLCS.
     */
    @POST
    @Consumes({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
    public JsonObject find(@PathParam("customer") String customer, InputStream body) {
        Customer owner = access.customer(Callers.of(security), customer);
        JsonArray members = BulkInput.members(JsonFields.requireObject(body), bulk::checkCount);
        return Hydra.collection(urls.of(path(owner)), bulk.find(BulkInput.keys(members, owner.id())),
                image -> Representations.image(image, urls));
    }

    private static String path(Customer owner) {
        return Representations.customerPath(owner.id()) + "/allImages";
    }
}
