package dlcs.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretHasherTest {

    /** Made by the hasher of the previous release (60,000 rounds), as databases hold them. */
    private static final String PREVIOUS_RELEASE = "pbkdf2-sha256$60000$+uruXgH4M9GfkoT7TAlR9Q$"
            + "jeI5Jf/93FeYjlmx3WjiF8jPoYeYGl4ibY0JTMxIPY8";

    private final SecretHasher hasher = new SecretHasher(1_000);

    @Test
    void hashesAreSaltedAndVerify() {
        String first = hasher.hash("s3cret");
        String second = hasher.hash("s3cret");
        assertNotEquals(first, second, "a salt per hash");
        assertFalse(first.contains("s3cret"));
        assertTrue(hasher.matches("s3cret", first));
        assertFalse(hasher.matches("s3cret!", first));
        assertFalse(hasher.matches("s3cret", "garbage"));
        assertFalse(hasher.matches("s3cret", "pbkdf2-sha256$x$y$z"));
        assertFalse(hasher.matches("s3cret", null));
    }

    @Test
    void newHashesTakeTheRoundsOwaspAsksForAndSayHowMany() {
        assertEquals(600_000, SecretHasher.DEFAULT_ITERATIONS);
        SecretHasher production = new SecretHasher();
        String hash = production.hash("s3cret");
        assertTrue(hash.startsWith("pbkdf2-sha256$600000$"), hash);
        assertTrue(production.matches("s3cret", hash));
        assertFalse(production.isOutdated(hash));
    }

    @Test
    void hashesOfFewerRoundsStillVerifyAndAreOutdated() {
        SecretHasher production = new SecretHasher();
        assertTrue(production.matches("s3cret", PREVIOUS_RELEASE), "a hash of the previous release verifies");
        assertFalse(production.matches("s3cret!", PREVIOUS_RELEASE));
        assertTrue(production.isOutdated(PREVIOUS_RELEASE), "and is to be made again");

        String fewer = new SecretHasher(500).hash("s3cret");
        assertTrue(hasher.matches("s3cret", fewer));
        assertTrue(hasher.isOutdated(fewer));
        assertFalse(new SecretHasher(500).isOutdated(hasher.hash("s3cret")), "never made weaker");
        assertTrue(hasher.isOutdated("garbage"), "a hash of no known scheme is replaced");
    }

    @Test
    void theStandInForAnUnknownKeyMatchesNothing() {
        assertFalse(hasher.matchesNothing("s3cret"));
        assertFalse(hasher.matchesNothing(""));
    }

    @Test
    void newSecretsAreLongAndUrlSafe() {
        String secret = SecretHasher.newSecret();
        assertTrue(secret.matches("[A-Za-z0-9_-]{43}"), secret);
    }
}
