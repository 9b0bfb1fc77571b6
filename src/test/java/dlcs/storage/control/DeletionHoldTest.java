package dlcs.storage.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While a backup holds deletions, a directory store deletes nothing, neither a replaced version
 * nor a deleted image's versions: the database copy may still name them. Released, it deletes again.
 */
class DeletionHoldTest {

    @TempDir
    Path root;

    @Test
    void heldDeletionsLeaveTheVersionsAndReleasedOnesRemoveThem() throws IOException {
        DeletionHold hold = new DeletionHold();
        LocalDerivativeStore store = new LocalDerivativeStore(root, hold);
        DerivativeLocation replaced = version(store, "page-1");
        DerivativeLocation deleted = version(store, "page-2");

        DeletionHold.Held held = hold.hold();
        assertTrue(hold.active());
        store.delete(replaced);
        store.deleteAll(1, 1, "page-2");
        assertTrue(store.exists(replaced), "a replaced version stays while held");
        assertTrue(store.exists(deleted), "a deleted image's versions stay while held");

        held.close();
        held.close();
        assertFalse(hold.active(), "closing twice releases once");
        store.delete(replaced);
        store.deleteAll(1, 1, "page-2");
        assertFalse(store.exists(replaced));
        assertFalse(Files.exists(root.resolve("1/1/page-2")));
    }

    @Test
    void twoHoldsHoldUntilBothAreReleased() {
        DeletionHold hold = new DeletionHold();
        DeletionHold.Held first = hold.hold();
        DeletionHold.Held second = hold.hold();
        first.close();
        assertTrue(hold.active());
        second.close();
        assertFalse(hold.active());
    }

    private static DerivativeLocation version(LocalDerivativeStore store, String imageId) throws IOException {
        DerivativeLocation location = store.newVersion(1, 1, imageId);
        Files.write(store.workDirectory(location).resolve("image.tif"), new byte[] {1, 2, 3});
        return location;
    }
}
