package dlcs.storage.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Bytes from outside (an origin's, an upload's) copied into a new temporary file, counted while
 * they stream, whatever the sender declared: past {@code maxBytes} or the deadline the copy stops,
 * the partial file is deleted and the caller's own exception says which limit it was.
 */
public final class BoundedCopy {

    private static final int BUFFER = 64 * 1024;

    private BoundedCopy() {
    }

    /** The limits of one copy, and what to throw at each; a {@code maxTime} of null sets no deadline. */
    public record Limits(long maxBytes, Duration maxTime, Supplier<? extends RuntimeException> tooLarge,
                         Supplier<? extends RuntimeException> tooSlow) {
    }

    /** Copies {@code in} to a new file in {@code directory}; the caller deletes the file. */
    public static Path toTemporaryFile(InputStream in, Path directory, String prefix, Limits limits)
            throws IOException {
        boolean timed = limits.maxTime() != null;
        long deadline = timed ? System.nanoTime() + limits.maxTime().toNanos() : 0;
        Path file = Files.createTempFile(directory, prefix, ".bin");
        boolean complete = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > limits.maxBytes()) {
                    throw limits.tooLarge().get();
                }
                if (timed && System.nanoTime() - deadline > 0) {
                    throw limits.tooSlow().get();
                }
                out.write(buffer, 0, read);
            }
            complete = true;
            return file;
        } finally {
            if (!complete) {
                Files.deleteIfExists(file);
            }
        }
    }
}
