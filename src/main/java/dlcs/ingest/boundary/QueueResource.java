package dlcs.ingest.boundary;

import dlcs.common.InvalidInputException;
import dlcs.common.JsonFields;
import dlcs.common.Jsons;
import dlcs.common.Text;
import dlcs.common.UnknownResourceException;
import dlcs.hydra.ApiPaths;
import dlcs.hydra.BodyLimit;
import dlcs.hydra.Hydra;
import dlcs.hydra.Paging;
import dlcs.hydra.PublicUrls;
import dlcs.ingest.control.BatchCheck;
import dlcs.ingest.control.BatchIntake;
import dlcs.ingest.control.BatchStore;
import dlcs.ingest.control.BatchValidator;
import dlcs.ingest.control.MemberProblem;
import dlcs.ingest.entity.Batch;
import dlcs.ingest.entity.MemberStatus;
import dlcs.registration.boundary.ImageListing;
import dlcs.security.boundary.Callers;
import dlcs.security.control.CustomerAccess;
import dlcs.security.control.CustomerDirectory;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

/** A customer's queue: submitting batches, and following them. */
@Path("customers/{customer}/queue")
@Produces({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
public class QueueResource {

    /**
     * A batch's body may be larger than other JSON: 16 KiB for each of the 1,000 members a batch
     * may have (dlcs.queue.max-batch-size), and a member with every field at its longest is
     * about 13 KiB.
     */
    static final String MAX_BATCH_BYTES = "dlcs.queue.max-batch-bytes";
    static final long DEFAULT_MAX_BATCH_BYTES = 16L * 1024 * 1024;

    @Inject
    CustomerAccess access;

    @Inject
    BatchValidator validator;

    @Inject
    BatchIntake intake;

    @Inject
    BatchStore batches;

    @Inject
    BatchCheck check;

    @Inject
    PublicUrls urls;

    @Context
    SecurityContext security;

    /** The normal queue; the priority queue has its own counts, as in the DLCS. */
    @GET
    public JsonObject status(@PathParam("customer") String customer) {
        return queueStatus(owner(customer), false);
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
    @BodyLimit(key = MAX_BATCH_BYTES, bytes = DEFAULT_MAX_BATCH_BYTES)
    public Response submit(@PathParam("customer") String customer, @QueryParam("dryRun") String dryRun,
                           InputStream body) {
        return accept(owner(customer), body, false, dryRun);
    }

    @GET
    @Path("priority")
    public JsonObject priorityStatus(@PathParam("customer") String customer) {
        return queueStatus(owner(customer), true);
    }

    @POST
    @Path("priority")
    @Consumes({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
    @BodyLimit(key = MAX_BATCH_BYTES, bytes = DEFAULT_MAX_BATCH_BYTES)
    public Response submitPriority(@PathParam("customer") String customer, @QueryParam("dryRun") String dryRun,
                                   InputStream body) {
        return accept(owner(customer), body, true, dryRun);
    }

    @GET
    @Path("batches")
    public JsonObject all(@PathParam("customer") String customer, @QueryParam("page") String page,
                          @QueryParam("pageSize") String pageSize) {
        return batchList(owner(customer), "batches", null, false, page, pageSize);
    }

    @GET
    @Path("active")
    public JsonObject active(@PathParam("customer") String customer, @QueryParam("page") String page,
                             @QueryParam("pageSize") String pageSize) {
        return batchList(owner(customer), "active", false, false, page, pageSize);
    }

    @GET
    @Path("recent")
    public JsonObject recent(@PathParam("customer") String customer, @QueryParam("page") String page,
                             @QueryParam("pageSize") String pageSize) {
        return batchList(owner(customer), "recent", true, true, page, pageSize);
    }

    @GET
    @Path("batches/{batch}")
    public JsonObject batch(@PathParam("customer") String customer, @PathParam("batch") String batch) {
        CustomerDirectory.Entry owner = owner(customer);
        return BatchRepresentations.batch(batches.get(owner.id(), batchNumber(batch)), urls);
    }

    /**
     * The batch's images as full Image resources, each with its member's {@code batchMember*}
     * fields; filtered by member {@code status} and by the image listing's parameters.
     */
    @GET
    @Path("batches/{batch}/images")
    public JsonObject images(@PathParam("customer") String customer, @PathParam("batch") String batch,
                             @QueryParam("status") String status, @BeanParam ImageListing listing) {
        return memberImages(customer, batch, "images", status, listing);
    }

    /** The same listing under the DLCS's name for it. */
    @GET
    @Path("batches/{batch}/assets")
    public JsonObject assets(@PathParam("customer") String customer, @PathParam("batch") String batch,
                             @QueryParam("status") String status, @BeanParam ImageListing listing) {
        return memberImages(customer, batch, "assets", status, listing);
    }

    @POST
    @Path("batches/{batch}/retry")
    public JsonObject retry(@PathParam("customer") String customer, @PathParam("batch") String batch) {
        CustomerDirectory.Entry owner = owner(customer);
        long number = batchNumber(batch);
        intake.retryFailed(owner.id(), number);
        return BatchRepresentations.batch(batches.get(owner.id(), number), urls);
    }

    /**
     * The DLCS's test of a batch: {@code success} is true when the counts had drifted from the
     * members (or {@code finished} from the counts) and were corrected, false when nothing needed
     * to change; {@code countsAgreed} says whether the counts agreed with the members.
     */
    @POST
    @Path("batches/{batch}/test")
    public JsonObject test(@PathParam("customer") String customer, @PathParam("batch") String batch) {
        BatchCheck.Outcome outcome = check.test(owner(customer).id(), batchNumber(batch));
        return Jsons.object().add("success", outcome.corrected())
                .add("countsAgreed", outcome.countsAgreed()).build();
    }

    /**
     * A submission and its dry run take the same path up to the point where the batch would be
     * stored: read, size checked, every member checked. A dry run then answers what was found
     * (200, nothing stored, nothing queued); a submission is refused if anything was, and
     * otherwise stored and queued.
     */
    private Response accept(CustomerDirectory.Entry owner, InputStream body, boolean priority, String dryRun) {
        boolean dry = DryRuns.requested(dryRun);
        JsonArray members = BatchInput.members(JsonFields.requireObject(body));
        validator.checkSize(members.size());
        BatchInput.Parsed parsed = BatchInput.parse(members, owner.id());
        List<MemberProblem> problems = DryRuns.merged(parsed.problems(),
                validator.problems(owner.id(), parsed.members()));
        if (dry) {
            return Response.ok(DryRuns.report(urls.of(ApiPaths.queue(owner.id()) + (priority ? "/priority" : "")),
                    members.size(), priority, problems)).build();
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(MemberProblem.summary(problems));
        }
        Batch batch = intake.accept(owner.id(), parsed.members(), priority);
        return Response.created(URI.create(urls.of(BatchRepresentations.batchPath(batch))))
                .entity(BatchRepresentations.batch(batch, urls)).build();
    }

    private JsonObject queueStatus(CustomerDirectory.Entry owner, boolean priority) {
        String path = ApiPaths.queue(owner.id());
        BatchStore.Waiting waiting = batches.waiting(owner.id(), priority);
        return Hydra.resource(urls.of(path + (priority ? "/priority" : "")), "CustomerQueue")
                .add("size", waiting.images())
                .add("batchesWaiting", waiting.batches())
                .add("imagesWaiting", waiting.images())
                .add("batches", urls.of(path + "/batches"))
                .add("active", urls.of(path + "/active"))
                .add("recent", urls.of(path + "/recent"))
                .add("priority", urls.of(path + "/priority"))
                .add("maxBatchSize", validator.maxBatchSize())
                .build();
    }

    private JsonObject batchList(CustomerDirectory.Entry owner, String name, Boolean finished, boolean byFinish,
                                 String page, String pageSize) {
        Paging paging = Paging.parse(page, pageSize);
        List<Batch> found = batches.list(owner.id(), finished, byFinish, paging.firstResult(), paging.pageSize());
        return Hydra.collection(urls.of(ApiPaths.queue(owner.id()) + "/" + name), found,
                batches.count(owner.id(), finished), paging, null, batch -> BatchRepresentations.batch(batch, urls));
    }

    private JsonObject memberImages(String customer, String batch, String name, String status, ImageListing listing) {
        Batch found = batches.get(owner(customer).id(), batchNumber(batch));
        MemberStatus only = status == null ? null : MemberStatus.parse(status);
        if (status != null && only == null) {
            throw new InvalidInputException("status must be queued, completed, error or superseded, not '"
                    + Text.printable(status) + "'.");
        }
        return listing.collection(urls.of(BatchRepresentations.batchPath(found) + "/" + name),
                only == null ? null : "status=" + only.label(),
                (query, first, max) -> batches.withImages(found.id(), only, query, first, max),
                query -> batches.countWithImages(found.id(), only, query),
                listed -> BatchRepresentations.memberImage(listed, urls));
    }

    private CustomerDirectory.Entry owner(String customer) {
        return access.customer(Callers.of(security), customer);
    }

    private static long batchNumber(String batch) {
        if (batch.matches("\\d{1,18}")) {
            return Long.parseLong(batch);
        }
        throw new UnknownResourceException("There is no batch '" + batch + "'.");
    }
}
