package dlcs.ingest.boundary;

import static dlcs.hydra.Hydra.addIfPresent;

import dlcs.common.Jsons;
import dlcs.hydra.ApiPaths;
import dlcs.hydra.Hydra;
import dlcs.hydra.PublicUrls;
import dlcs.ingest.control.BatchStore;
import dlcs.ingest.entity.Batch;
import dlcs.ingest.entity.BatchMember;
import dlcs.registration.boundary.Representations;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/** JSON-LD of batches and of their members. */
final class BatchRepresentations {

    private BatchRepresentations() {
    }

    static String batchPath(Batch batch) {
        return ApiPaths.batch(batch.customer(), batch.id());
    }

    static JsonObject batch(Batch batch, PublicUrls urls) {
        String id = urls.of(batchPath(batch));
        JsonObjectBuilder json = Hydra.resource(id, "Batch")
                .add("id", batch.id())
                .add("submitted", batch.submitted().toString())
                .add("count", batch.count())
                .add("completed", batch.completed())
                .add("errors", batch.errors())
                .add("superseded", batch.superseded())
                .add("supersededCount", batch.supersededCount())
                .add("priority", batch.priority())
                .add("images", id + "/images")
                .add("assets", id + "/assets")
                .add("completedImages", id + "/images?status=completed")
                .add("errorImages", id + "/images?status=error")
                .add("retry", id + "/retry")
                .add("test", id + "/test");
        addIfPresent(json, "finished", batch.finished());
        addIfPresent(json, "estCompletion", batch.estimatedCompletion(Instant.now()));
        return json.build();
    }

    /**
     * A batch's image: the Image resource as the space listing shows it, with the member's
     * standing in this batch in fields named {@code batchMember...}, which no DLCS Image field
     * shares: {@code batchMemberStatus} (queued, completed, error or superseded),
     * {@code batchMemberAttempts}, and when there are any {@code batchMemberError} and
     * {@code batchMemberEnded}.
     */
    static JsonObject memberImage(BatchStore.MemberImage listed, PublicUrls urls) {
        BatchMember member = listed.member();
        JsonObjectBuilder json = Jsons.object(Representations.image(listed.image(), urls))
                .add("batchMemberStatus", member.status().label())
                .add("batchMemberAttempts", member.attempts());
        addIfPresent(json, "batchMemberError", member.error());
        addIfPresent(json, "batchMemberEnded", member.ended());
        return json.build();
    }
}
