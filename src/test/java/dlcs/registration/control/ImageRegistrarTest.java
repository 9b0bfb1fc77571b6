package dlcs.registration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.common.Problem;
import dlcs.origin.control.NetworkRules;
import dlcs.origin.control.OriginFetcher;
import dlcs.registration.entity.Image;
import dlcs.registration.entity.ImageMetadata;
import dlcs.registration.entity.Space;
import dlcs.storage.control.DataDirectory;
import dlcs.storage.control.Trickle;
import dlcs.usage.control.UsageLedger;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image bytes sent in the request are copied under the same bound as a fetched origin, and an
 * oversized upload is told as an upload (413), not as an origin that was too large.
 */
class ImageRegistrarTest {

    @TempDir
    Path scratch;

    /** Everything around the copy that an upload passes before it: no image yet, room for it. */
    private ImageRegistrar registrar(long maxBytes) {
        ImageRegistrar registrar = new ImageRegistrar();
        registrar.maxBytes = maxBytes;
        registrar.uploadSeconds = 3600;
        registrar.origins = new OriginFetcher() {
            @Override
            public NetworkRules rules() {
                return new NetworkRules(false, List.of());
            }
        };
        registrar.images = new ImageStore() {
            @Override
            public Optional<Image> find(long customer, int space, String imageId) {
                return Optional.empty();
            }
        };
        registrar.usage = new UsageLedger() {
            @Override
            public void admit(long customer, boolean newImage) {
                // room for every image
            }
        };
        registrar.data = new DataDirectory() {
            @Override
            public Path temporary() {
                return scratch;
            }
        };
        return registrar;
    }

    @Test
    void anUploadOverTheLimitIsAnUploadTooLargeAndLeavesNothingBehind() throws IOException {
        UploadTooLargeException refused = assertThrows(UploadTooLargeException.class,
                () -> registrar(1000).registerFromBytes(new Space(7, 1, "s"), "big", ImageMetadata.none(),
                        new ByteArrayInputStream(new byte[1001])));
        Problem problem = Problem.of(refused);
        assertEquals(413, problem.status());
        assertEquals("Upload too large", problem.title());
        assertTrue(problem.detail().startsWith("The upload is larger than 1000 bytes"), problem.detail());
        assertTrue(problem.detail().contains("dlcs.origin.max-bytes"), problem.detail());
        try (Stream<Path> left = Files.list(scratch)) {
            assertEquals(0, left.count(), "the partial copy is deleted");
        }
    }

    @Test
    @Timeout(30)
    void anUploadPastItsDeadlineIsAnUploadTooSlowAndLeavesNothingBehind() throws IOException {
        ImageRegistrar registrar = registrar(1L << 40);
        registrar.uploadSeconds = 1;
        InputStream trickle = new Trickle(50);
        UploadTooSlowException refused = assertThrows(UploadTooSlowException.class,
                () -> registrar.registerFromBytes(new Space(7, 1, "s"), "slow", ImageMetadata.none(), trickle));
        Problem problem = Problem.of(refused);
        assertEquals(408, problem.status());
        assertTrue(problem.detail().contains("dlcs.upload.timeout-seconds"), problem.detail());
        try (Stream<Path> left = Files.list(scratch)) {
            assertEquals(0, left.count(), "the partial copy is deleted");
        }
    }
}
