package dlcs.storage.control;

/**
 * Where one version of an image's derivative lives. Every ingest writes a new version, so a
 * failed re-registration never touches the version that is serving.
 */
public record DerivativeLocation(long customer, int space, String imageId, String version) {
}
