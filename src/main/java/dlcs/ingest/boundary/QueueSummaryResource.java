package dlcs.ingest.boundary;

import dlcs.hydra.Hydra;
import dlcs.hydra.PublicUrls;
import dlcs.ingest.control.BatchStore;
import dlcs.security.boundary.Callers;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The global queue that the entry point links to: how busy the whole server is, across all
 * customers. Administrators only: the DLCS shows it to anyone, but here it would tell one
 * customer how much another has queued. It has the customer queue's counts, and the DLCS's
 * {@code QueueSummary} fields: {@code incoming} and {@code priority} are the images waiting on
 * the normal and the priority queues; this server has no audio, video or file queues, so
 * {@code timebased}, {@code transcodeComplete} and {@code file} are always 0, as are the
 * DLCS's deprecated {@code failed} and {@code success}.
 */
@Path("queue")
@Produces({MediaType.APPLICATION_JSON, Hydra.MEDIA_TYPE})
public class QueueSummaryResource {

    @Inject
    BatchStore batches;

    @Inject
    PublicUrls urls;

    @Context
    SecurityContext security;

    @GET
    public JsonObject summary() {
        Callers.of(security).requireAdministrator();
        BatchStore.Waiting all = batches.waiting(null, null);
        BatchStore.Waiting priority = batches.waiting(null, true);
        return Hydra.resource(urls.of("/queue"), "QueueSummary")
                .add("size", all.images())
                .add("batchesWaiting", all.batches())
                .add("imagesWaiting", all.images())
                .add("incoming", all.images() - priority.images())
                .add("priority", priority.images())
                .add("timebased", 0)
                .add("transcodeComplete", 0)
                .add("file", 0)
                .add("failed", 0)
                .add("success", 0)
                .build();
    }
}
