package dlcs.imaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dlcs.imaging.entity.DerivativeBytes;
import dlcs.it.Fixtures;
import dlcs.storage.control.LocalDerivativeStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Measuring a derivative directory: the thumbnails apart from everything else. */
class DerivativeFilesTest {

    @TempDir
    Path dir;

    @Test
    void aMadeDerivativeMeasuresAsItsPyramidAndItsThumbnails() throws IOException {
        Path master = Files.write(dir.resolve("master.jpg"), Fixtures.jpeg(1500, 1000));
        Path out = dir.resolve("out");
        TestMakers.configured().make(master, out, List.of(400, 100));

        DerivativeBytes measured = DerivativeFiles.measure(LocalDerivativeStore.files(out));

        assertEquals(Files.size(DerivativeFiles.pyramid(out)), measured.derivative());
        assertEquals(sizes(DerivativeFiles.thumbnails(out)), measured.thumbnails());
    }

    @Test
    void filesBesideThePyramidCountAsDerivativeAndNestedThumbnailFilesAsThumbnails() throws IOException {
        Files.write(dir.resolve("image.tif"), new byte[1000]);
        Files.write(dir.resolve("other.bin"), new byte[10]);
        Files.createDirectories(dir.resolve("thumbs/extra"));
        Files.write(dir.resolve("thumbs/100x50.jpg"), new byte[300]);
        Files.write(dir.resolve("thumbs/extra/x.jpg"), new byte[7]);

        assertEquals(new DerivativeBytes(1010, 307), DerivativeFiles.measure(LocalDerivativeStore.files(dir)));
    }

    private static long sizes(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
