package dlcs.security.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretHasherTest {

    @Test
    void hashesAreSaltedAndVerify() {
        String first = SecretHasher.hash("s3cret");
        String second = SecretHasher.hash("s3cret");
        assertNotEquals(first, second, "a salt per hash");
        assertFalse(first.contains("s3cret"));
        assertTrue(SecretHasher.matches("s3cret", first));
        assertFalse(SecretHasher.matches("s3cret!", first));
        assertFalse(SecretHasher.matches("s3cret", "garbage"));
    }

    @Test
    void newSecretsAreLongAndUrlSafe() {
        String secret = SecretHasher.newSecret();
        assertTrue(secret.matches("[A-Za-z0-9_-]{43}"), secret);
    }
}
