package dlcs.ingest.boundary;

import static dlcs.hydra.Hydra.addIfPresent;

import dlcs.hydra.ApiPaths;
import dlcs.hydra.Hydra;
import dlcs.hydra.PublicUrls;
import dlcs.ingest.entity.Batch;
import dlcs.ingest.entity.BatchMember;
import dlcs.registration.entity.Image;
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
                .add("completedImages", id + "/images?status=completed")
                .add("errorImages", id + "/images?status=error")
                .add("retry", id + "/retry")
                .add("test", id + "/test");
        addIfPresent(json, "finished", batch.finished());
        addIfPresent(json, "estCompletion", batch.estimatedCompletion(Instant.now()));
        return json.build();
    }

    /** A member as an image of the batch: {@code batch} is the batch's URL, as on the image itself. */
    static JsonObject member(BatchMember member, Image image, PublicUrls urls) {
        String[] key = member.imageKey().split("/", 3);
        String imagePath = "/customers/" + key[0] + "/spaces/" + key[1] + "/images/" + key[2];
        JsonObjectBuilder json = Hydra.resource(urls.of(imagePath), "Image")
                .add("id", key[2])
                .add("space", Integer.parseInt(key[1]))
                .add("batch", urls.of(ApiPaths.batch(Long.parseLong(key[0]), member.batch())))
                .add("status", member.status().label())
                .add("attempts", member.attempts())
                .add("imageService", urls.of("/iiif-img/" + member.imageKey()));
        addIfPresent(json, "error", member.error());
        addIfPresent(json, "ended", member.ended());
        if (image != null) {
            addIfPresent(json, "origin", image.origin());
            addIfPresent(json, "width", image.width());
            addIfPresent(json, "height", image.height());
            json.add("ingesting", image.ingesting());
        }
        return json.build();
    }
}
