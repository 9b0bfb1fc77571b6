package dlcs.origin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.common.InvalidInputException;
import dlcs.origin.entity.S3AmbientGrant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class S3AmbientGrantsTest {

    private static final List<S3AmbientGrant> GRANTS = List.of(new S3AmbientGrant(7, "x", "p/"),
            new S3AmbientGrant(7, "whole", ""));

    /** A prefix is a folder: p/ covers what is in it, not p2/ beside it; no prefix, the whole bucket. */
    @ParameterizedTest
    @CsvSource({
        "x, p/a.jpg, true", "x, p/q/b.tif, true", "x, p2/a.jpg, false", "x, p2, false", "x, pa.jpg, false",
        "x, p, false", "x, other.jpg, false", "x, P/a.jpg, false", "x2, p/a.jpg, false", "y, p/a.jpg, false",
        "whole, a.jpg, true", "whole, p/q/a.jpg, true", "wholesale, a.jpg, false",
        // keys with dot segments are within no grant: a store or client may resolve them elsewhere
        "x, p/../other.jpg, false", "x, p/./a.jpg, false", "x, p/.., false", "whole, p/q/../../a.jpg, false"})
    void aGrantCoversTheKeysOfItsFolder(String bucket, String key, boolean covered) {
        assertEquals(covered, GRANTS.stream().anyMatch(grant -> grant.covers(bucket, key)), bucket + "/" + key);
    }

    @Test
    void prefixesAreFolders() {
        assertEquals("p/", S3AmbientGrants.prefix("p"));
        assertEquals("p/", S3AmbientGrants.prefix("p/"));
        assertEquals("p/q/", S3AmbientGrants.prefix("p/q"));
        assertEquals("", S3AmbientGrants.prefix(""));
        assertEquals("", S3AmbientGrants.prefix(null));
        for (String bad : List.of("/p/", "p//q/", "p/../q/", "./p", "p/.", "x".repeat(1024))) {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> S3AmbientGrants.prefix(bad),
                    bad);
            assertTrue(refused.getMessage().contains("prefix"), refused.getMessage());
        }
    }

    @Test
    void bucketsAreNamedAsS3NamesThem() {
        assertEquals("my-bucket.2024", S3AmbientGrants.bucket("my-bucket.2024"));
        for (String bad : new String[] {null, "", "ab", "My-Bucket", "a/b", "-ab", "ab-", "a_b", "x".repeat(64)}) {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> S3AmbientGrants.bucket(bad),
                    String.valueOf(bad));
            assertTrue(refused.getMessage().contains("bucket"), refused.getMessage());
        }
    }
}
