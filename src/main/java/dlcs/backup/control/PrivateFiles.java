package dlcs.backup.control;

import dlcs.storage.control.DataDirectory;
import dlcs.storage.control.LocalDerivativeStore;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Files and directories of a backup: only the server's user may read them (where permissions are POSIX). */
final class PrivateFiles {

    private PrivateFiles() {
    }

    /** Creates {@code directory} (its parents as needed); fails if it exists. */
    static Path directory(Path directory) throws IOException {
        Files.createDirectories(directory.getParent());
        try {
            return Files.createDirectory(directory,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createDirectory(directory);
        }
    }

    static void write(Path file, JsonObjectBuilder json) throws IOException {
        DataDirectory.createPrivately(file, json.build().toString() + "\n");
    }

    /** Removes a backup that failed half-way; what cannot be removed is logged. */
    static void deleteTree(Path root) {
        LocalDerivativeStore.deleteTree(root);
    }
}
