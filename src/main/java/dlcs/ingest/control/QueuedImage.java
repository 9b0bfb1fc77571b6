package dlcs.ingest.control;

import dlcs.registration.entity.ImageMetadata;

/** One member of a batch as submitted and validated: where it goes and what it says. */
public record QueuedImage(int space, String imageId, ImageMetadata metadata) {
}
