package dlcs.origin.boundary;

import dlcs.hydra.Hydra;
import dlcs.hydra.Paging;
import dlcs.hydra.PublicUrls;
import dlcs.origin.control.CustomerRecords;
import dlcs.origin.entity.CustomerRecord;
import dlcs.security.boundary.Callers;
import dlcs.security.control.Caller;
import dlcs.security.control.CustomerAccess;
import dlcs.security.control.CustomerDirectory;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;

/**
 * A customer's records of one kind as a Hydra collection at {@code /customers/{c}/<collection>}:
 * the listing and each record (for the customer's keys and administrators), and the answers to
 * creating and deleting one, which each kind guards in its own way.
 */
@Produces({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
@Consumes({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
public abstract class CustomerRecordsResource<T extends CustomerRecord> {

    @Inject
    CustomerAccess access;

    @Inject
    PublicUrls urls;

    @Context
    SecurityContext security;

    private final String collection;
    private final String type;

    /** {@code collection}: the path under the customer; {@code type}: each record's {@code @type}. */
    protected CustomerRecordsResource(String collection, String type) {
        this.collection = collection;
        this.type = type;
    }

    protected abstract CustomerRecords<T> records();

    /** The record's own fields, added to its {@code @id}, {@code @type}, {@code id} and {@code created}. */
    protected abstract void describe(T record, JsonObjectBuilder json);

    @GET
    public JsonObject list(@PathParam("customer") String customer, @QueryParam("page") String page,
                           @QueryParam("pageSize") String pageSize) {
        CustomerDirectory.Entry owner = owner(caller(), customer);
        Paging paging = Paging.parse(page, pageSize);
        return Hydra.collection(urls.of(path(owner.id())), records().list(owner.id(), paging.firstResult(),
                paging.pageSize()), records().count(owner.id()), paging, null, this::represent);
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("customer") String customer, @PathParam("id") String id) {
        return represent(records().get(owner(caller(), customer).id(), id));
    }

    protected Caller caller() {
        return Callers.of(security);
    }

    /** The customer of the path, if {@code caller} may act on it (403 otherwise). */
    protected CustomerDirectory.Entry owner(Caller caller, String customer) {
        return access.customer(caller, customer);
    }

    /** 201 with the record and its URL. */
    protected Response created(T record) {
        return Response.created(URI.create(url(record))).entity(represent(record)).build();
    }

    /** Deletes the record: 204. */
    protected Response deleted(long customer, String id) {
        records().delete(customer, id);
        return Response.noContent().build();
    }

    protected JsonObject represent(T record) {
        JsonObjectBuilder json = Hydra.resource(url(record), type).add("id", record.id());
        describe(record, json);
        return json.add("created", record.created().toString()).build();
    }

    private String url(T record) {
        return urls.of(path(record.customer()) + "/" + record.id());
    }

    private String path(long customer) {
        return "/customers/" + customer + "/" + collection;
    }
}
