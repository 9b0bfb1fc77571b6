package dlcs.iiif.control;

import dlcs.storage.control.DerivativeLocation;
import dlcs.storage.control.LocalDerivativeStore;
import dlcs.storage.control.StoredDerivative;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Derivatives for delivery tests: version "1" of an image in a local store under a test's directory. */
public final class TestDerivatives {

    private TestDerivatives() {
    }

    /** The directory a test writes the version's files into (created). */
    public static Path directory(Path root, String id) throws IOException {
        return Files.createDirectories(new LocalDerivativeStore(root).workDirectory(location(id)));
    }

    /** The version as delivery reads it, once its files are written. */
    public static StoredDerivative open(Path root, String id) throws IOException {
        return new LocalDerivativeStore(root).open(location(id));
    }

    private static DerivativeLocation location(String id) {
        return new DerivativeLocation(1, 1, id, "1");
    }
}
