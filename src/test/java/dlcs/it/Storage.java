package dlcs.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A look at the test server's data directory, to check what is and is not left on disk. */
public final class Storage {

    private Storage() {
    }

    public static Path imageDirectory(Api.Tenant tenant, String imageId) {
        return Path.of(System.getProperty("dlcs.it.data-dir", "target/it-data"), "storage",
                Long.toString(tenant.customer()), Integer.toString(tenant.space()), imageId);
    }

    /** The derivative version directories of an image (normally exactly one once registered). */
    public static List<Path> versions(Api.Tenant tenant, String imageId) {
        Path directory = imageDirectory(tenant, imageId);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(directory)) {
            return children.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> thumbnails(Path version) {
        try (Stream<Path> files = Files.list(version.resolve("thumbs"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Leftover temporary masters in the data directory's scratch space. */
    public static long temporaryFiles() {
        Path tmp = Path.of(System.getProperty("dlcs.it.data-dir", "target/it-data"), "tmp");
        if (!Files.isDirectory(tmp)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(tmp)) {
            return files.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
