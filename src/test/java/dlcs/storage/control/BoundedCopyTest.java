package dlcs.storage.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedCopyTest {

    @TempDir
    Path directory;

    private static final class TooLarge extends RuntimeException {
    }

    private static final class TooSlow extends RuntimeException {
    }

    @Test
    void copiesEveryByteUpToTheLimit() throws IOException {
        byte[] bytes = new byte[200_000];
        new Random(3).nextBytes(bytes);
        Path copy = BoundedCopy.toTemporaryFile(new ByteArrayInputStream(bytes), directory, "t-",
                new BoundedCopy.Limits(bytes.length, null, TooLarge::new, null));
        assertArrayEquals(bytes, Files.readAllBytes(copy));
        assertEquals(directory, copy.getParent());
    }

    @Test
    void oneByteOverTheLimitThrowsTheCallersExceptionAndLeavesNoFile() throws IOException {
        TooLarge tooLarge = new TooLarge();
        assertSame(tooLarge, assertThrows(TooLarge.class, () -> BoundedCopy.toTemporaryFile(
                new ByteArrayInputStream(new byte[100_001]), directory, "t-",
                new BoundedCopy.Limits(100_000, null, () -> tooLarge, null))));
        try (var left = Files.list(directory)) {
            assertEquals(0, left.count(), "the partial copy is deleted");
        }
    }

    @Test
    void aSenderPastTheDeadlineThrowsTheCallersOtherExceptionAndLeavesNoFile() throws IOException {
        InputStream trickle = new Trickle(5);
        assertThrows(TooSlow.class, () -> BoundedCopy.toTemporaryFile(trickle, directory, "t-",
                new BoundedCopy.Limits(Long.MAX_VALUE, Duration.ofMillis(50), TooLarge::new, TooSlow::new)));
        try (var left = Files.list(directory)) {
            assertEquals(0, left.count());
        }
    }
}
