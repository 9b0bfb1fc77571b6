package dlcs.storage.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The directory store, as two nodes sharing one directory see it: each is just a
 * {@link LocalDerivativeStore} on the same path, and what one writes or deletes the other sees at once.
 */
class LocalDerivativeStoreTest {

    @TempDir
    Path shared;

    @Test
    void twoNodesOnOneDirectorySeeEachOthersVersionsAtOnce() throws IOException {
        LocalDerivativeStore a = new LocalDerivativeStore(shared);
        LocalDerivativeStore b = new LocalDerivativeStore(shared);
        DerivativeLocation location = a.newVersion(3, 1, "page");
        Path directory = a.workDirectory(location);
        Files.write(directory.resolve("image.tif"), new byte[] {1, 2, 3, 4, 5});
        Files.write(Files.createDirectories(directory.resolve("thumbs")).resolve("10x5.jpg"), new byte[] {9});
        assertEquals(Map.of("image.tif", 5L, "thumbs/10x5.jpg", 1L), a.publish(location));
        assertEquals(shared.resolve("3/1/page/" + location.version()), directory, "written where it is read");

        StoredDerivative seen = b.open(location);
        assertEquals(Map.of("image.tif", 5L, "thumbs/10x5.jpg", 1L), seen.files());
        assertArrayEquals(new byte[] {2, 3}, seen.read("image.tif", 1, 2));
        List<DerivativeLocation> listed = new ArrayList<>();
        b.forEachVersion(version -> listed.add(version.location()));
        assertEquals(List.of(location), listed);

        a.delete(location);
        assertFalse(b.exists(location));
        assertThrows(NoSuchFileException.class, () -> b.open(location));
        assertThrows(NoSuchFileException.class, () -> seen.read("image.tif", 0, 1), "a read of a deleted version"
                + " says the file is gone, so that delivery looks the image up again");
    }

    @Test
    void anEmptyStoreListsNothingAndDeletingAnUnknownImageIsHarmless() {
        LocalDerivativeStore store = new LocalDerivativeStore(shared.resolve("not-yet"));
        List<DerivativeStore.StoredVersion> seen = new ArrayList<>();
        store.forEachVersion(seen::add);
        assertTrue(seen.isEmpty());
        store.deleteAll(1, 1, "none");
        store.delete(new DerivativeLocation(1, 1, "none", "v"));
    }
}
