package dlcs.storage.control;

import dlcs.storage.control.DerivativeStore.StoredVersion;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The versions in a listing of a bucket's keys: the keys of one version are consecutive (a
 * listing is in key order), so each version is told once, as last changed when its newest file
 * was; keys not of a version's shape are skipped.
 */
final class VersionGroups {

    private final Consumer<StoredVersion> action;
    private DerivativeLocation current;
    private Instant modified;

    VersionGroups(Consumer<StoredVersion> action) {
        this.action = action;
    }

    /** A key, relative to the store's prefix, and when its object last changed. */
    void add(String relativeKey, Instant lastModified) {
        DerivativeLocation version = DerivativeLocation.ofFile(relativeKey);
        if (version == null) {
            return;
        }
        if (!version.equals(current)) {
            finish();
            current = version;
            modified = lastModified;
        } else if (lastModified.isAfter(modified)) {
            modified = lastModified;
        }
    }

    /** Tells the last version; call once the listing has ended. */
    void finish() {
        if (current != null) {
            action.accept(new StoredVersion(current, modified));
            current = null;
        }
    }
}
