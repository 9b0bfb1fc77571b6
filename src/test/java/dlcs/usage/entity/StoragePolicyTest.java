package dlcs.usage.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

/** When a policy refuses a change of usage, and what it says then. */
class StoragePolicyTest {

    private final StoragePolicy twoImagesOfAThousandBytes = new StoragePolicy("small", 2, 1000);

    @Test
    void aNewImageIsRefusedOnceTheCountIsReachedNamingTheLimitAndTheFigure() {
        assertTrue(twoImagesOfAThousandBytes.refusal(usage(1, 100), 1, 100).isEmpty());
        String reason = twoImagesOfAThousandBytes.refusal(usage(2, 100), 1, 100).orElseThrow();
        assertTrue(reason.contains("maximumNumberOfStoredImages"), reason);
        assertTrue(reason.contains("allows at most 2"), reason);
        assertTrue(reason.contains("stores 2 images"), reason);
        assertTrue(reason.contains("'small'"), reason);
    }

    @Test
    void aReingestIsNoNewImageEvenAtTheCount() {
        assertTrue(twoImagesOfAThousandBytes.refusal(usage(2, 100), 0, 50).isEmpty());
    }

    @Test
    void growthIsRefusedWhenItWouldPassTheSizeLimitNamingTheLimitAndTheFigure() {
        assertTrue(twoImagesOfAThousandBytes.refusal(usage(0, 600), 1, 400).isEmpty(), "exactly at the limit");
        String reason = twoImagesOfAThousandBytes.refusal(usage(0, 600), 1, 401).orElseThrow();
        assertTrue(reason.contains("maximumTotalSizeOfStoredImages"), reason);
        assertTrue(reason.contains("at most 1000 bytes"), reason);
        assertTrue(reason.contains("stores 600 bytes"), reason);
    }

    @Test
    void aChangeThatAddsNothingPassesEvenOverALoweredLimit() {
        assertTrue(twoImagesOfAThousandBytes.refusal(usage(5, 5000), 0, -10).isEmpty());
        assertTrue(twoImagesOfAThousandBytes.refusal(usage(5, 5000), 0, 0).isEmpty());
        assertTrue(twoImagesOfAThousandBytes.refusal(usage(5, 5000), 0, 1).isPresent());
    }

    @Test
    void limitsCannotBeNegative() {
        assertThrows(IllegalArgumentException.class, () -> new StoragePolicy("x", -1, 0));
        assertThrows(IllegalArgumentException.class, () -> twoImagesOfAThousandBytes.limit(0, -1));
    }

    @Test
    void theDefaultPolicyIsNotNamedOnTheUsageRow() {
        StorageUsage usage = new StorageUsage(7, StorageUsage.WHOLE_CUSTOMER);
        assertEquals(StoragePolicy.DEFAULT, usage.storagePolicy());
        usage.governBy("small");
        assertEquals("small", usage.storagePolicy());
        usage.governBy(StoragePolicy.DEFAULT);
        assertEquals(StoragePolicy.DEFAULT, usage.storagePolicy());
    }

    /** Figures as the ledger's SQL increments would have left them (no setter exists, on purpose). */
    private static StorageUsage usage(long images, long bytes) {
        StorageUsage usage = new StorageUsage(7, StorageUsage.WHOLE_CUSTOMER);
        set(usage, "numberOfStoredImages", images);
        set(usage, "totalSizeOfStoredImages", bytes);
        return usage;
    }

    private static void set(StorageUsage usage, String field, long value) {
        try {
            Field f = StorageUsage.class.getDeclaredField(field);
            f.setAccessible(true);
            f.setLong(usage, value);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
