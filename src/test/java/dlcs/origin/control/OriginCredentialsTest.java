package dlcs.origin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.origin.entity.CustomerOriginStrategy;
import dlcs.origin.entity.Strategy;
import dlcs.common.InvalidInputException;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials checked against their strategy, never shown, and sealed at rest. */
class OriginCredentialsTest {

    @TempDir
    Path dir;

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    @Test
    void strategiesAreNamedByNameOrByTheUrlOfTheirResource() {
        assertEquals(Optional.of(Strategy.SFTP), Strategy.named("sftp"));
        assertEquals(Optional.of(Strategy.BASIC_HTTP),
                Strategy.named("https://api.dlcs.io/originStrategies/basic-http-authentication"));
        assertEquals(Optional.empty(), Strategy.named("webdav"));
    }

    @Test
    void eachStrategyGetsTheFieldsItNeedsAsAnObjectOrAsAStringOfJson() {
        OriginCredentials basic = OriginCredentials.parse(Strategy.BASIC_HTTP,
                json("{\"user\": \"u\", \"password\": \"p4ss\"}"));
        assertEquals("u", basic.user());
        assertEquals("p4ss", basic.password());
        OriginCredentials s3 = OriginCredentials.parse(Strategy.S3_CREDENTIALS,
                json("\"{\\\"accessKey\\\": \\\"AK\\\", \\\"secretKey\\\": \\\"SK\\\", \\\"pathStyle\\\": true}\""));
        assertEquals("SK", s3.secretKey());
        assertEquals(Boolean.TRUE, s3.pathStyle());
        assertFalse(s3.toString().contains("SK"));
        OriginCredentials key = OriginCredentials.parse(Strategy.SFTP,
                json("{\"user\": \"u\", \"privateKey\": \"-----BEGIN OPENSSH PRIVATE KEY-----\\nabc\\n-----END\"}"));
        assertTrue(key.privateKey().startsWith("-----BEGIN"));
        assertEquals(basic.toJson(), OriginCredentials.stored(Strategy.BASIC_HTTP, basic.toJson()).toJson());
    }

    @Test
    void missingUnknownOrMalformedFieldsAre400sThatNameTheFieldButNotTheValue() {
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> OriginCredentials.parse(Strategy.BASIC_HTTP, json("{\"user\": \"u\"}")));
        assertTrue(missing.getMessage().contains("'password'"), missing.getMessage());
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> OriginCredentials.parse(Strategy.FTP_CREDENTIALS,
                        json("{\"user\": \"u\", \"password\": \"topsecret\", \"pass\": \"topsecret\"}")));
        assertTrue(unknown.getMessage().contains("'pass'"));
        assertFalse(unknown.getMessage().contains("topsecret"));
        assertThrows(InvalidInputException.class,
                () -> OriginCredentials.parse(Strategy.SFTP, json("{\"user\": \"u\"}")));
        InvalidInputException notAKey = assertThrows(InvalidInputException.class,
                () -> OriginCredentials.parse(Strategy.SFTP, json("{\"user\": \"u\", \"privateKey\": \"hunter2\"}")));
        assertFalse(notAKey.getMessage().contains("hunter2"));
        assertThrows(InvalidInputException.class, () -> OriginCredentials.parse(Strategy.SFTP,
                json("{\"user\": \"u\", \"password\": \"p\", \"hostKey\": \"not a key!\"}")));
        assertEquals("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHr4nMyMsNWl0YCuHqLfOWKk3LnuqJ0YX1kTRbyVqkNq", OriginCredentials.parse(Strategy.SFTP,
                json("{\"user\": \"u\", \"password\": \"p\", \"hostKey\": \"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHr4nMyMsNWl0YCuHqLfOWKk3LnuqJ0YX1kTRbyVqkNq\"}"))
                .hostKey());
        assertThrows(InvalidInputException.class, () -> OriginCredentials.parse(Strategy.S3_CREDENTIALS,
                json("{\"accessKey\": \"a\", \"secretKey\": \"s\", \"endpoint\": \"file:///etc\"}")));
        assertThrows(InvalidInputException.class, () -> OriginCredentials.parse(Strategy.BASIC_HTTP, json("\"nope\"")));
        assertThrows(InvalidInputException.class, () -> OriginCredentials.parse(Strategy.BASIC_HTTP, json("[1]")));
    }

    @Test
    void theCipherSealsWithAFreshNonceAndAGeneratedKeyFileOpensThemAgain() {
        CredentialCipher cipher = cipher(Optional.empty());
        String sealed = cipher.encrypt("{\"password\":\"p4ss\"}");
        assertTrue(sealed.startsWith("v1:"));
        assertFalse(sealed.contains("p4ss"));
        assertNotEquals(sealed, cipher.encrypt("{\"password\":\"p4ss\"}"));
        assertTrue(dir.resolve("credentials.key").toFile().exists());
        assertEquals("{\"password\":\"p4ss\"}", cipher(Optional.empty()).decrypt(sealed), "the same key file");
        CredentialCipher other = cipher(Optional.of("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
        IllegalStateException wrongKey = assertThrows(IllegalStateException.class, () -> other.decrypt(sealed));
        assertTrue(wrongKey.getMessage().contains("key"));
        assertThrows(IllegalStateException.class, () -> cipher(Optional.of("short")));
    }

    @Test
    void theLargestCredentialsAllowedFitTheirColumnOnceSealed() {
        String largest = "{\"user\":\"u\",\"password\":\"" + "p".repeat(OriginCredentials.MAX_JSON_BYTES - 26) + "\"}";
        assertEquals(OriginCredentials.MAX_JSON_BYTES, largest.length());
        OriginCredentials credentials = OriginCredentials.parse(Strategy.BASIC_HTTP, json(largest));
        assertTrue(cipher(Optional.empty()).encrypt(credentials.toJson()).length()
                <= CustomerOriginStrategy.CREDENTIALS_LENGTH);
        InvalidInputException tooLarge = assertThrows(InvalidInputException.class, () -> OriginCredentials.parse(
                Strategy.BASIC_HTTP, json(largest.replace("\"u\"", "\"uu\""))));
        assertTrue(tooLarge.getMessage().contains("credentials take 10001 bytes"), tooLarge.getMessage());
        assertFalse(tooLarge.getMessage().contains("ppp"), "the value is not shown");
    }

    @Test
    void aNodeOfSeveralNeverMakesAKeyOfItsOwn() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> cipher(Optional.empty(), true));
        assertTrue(refused.getMessage().contains("DLCS_ORIGIN_CREDENTIALS_KEY"), refused.getMessage());
        assertFalse(dir.resolve("credentials.key").toFile().exists(), "no key of its own");

        String sealed = cipher(Optional.of("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="), true).encrypt("shared");
        assertEquals("shared", cipher(Optional.of("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="), true).decrypt(sealed));
        String fromTheFirstNode = cipher(Optional.empty(), false).encrypt("copied");
        assertEquals("copied", cipher(Optional.empty(), true).decrypt(fromTheFirstNode), "a copied key file serves");
    }

    private CredentialCipher cipher(Optional<String> key) {
        return cipher(key, false);
    }

    private CredentialCipher cipher(Optional<String> key, boolean oneOfSeveral) {
        CredentialCipher cipher = new CredentialCipher();
        cipher.configuredKey = key;
        cipher.node = new dlcs.nodes.control.NodeIdentity() {
            @Override
            public String id() {
                return oneOfSeveral ? "node-b" : "1";
            }

            @Override
            public boolean configured() {
                return oneOfSeveral;
            }
        };
        cipher.data = new dlcs.storage.control.DataDirectory() {
            @Override
            public Path root() {
                return dir;
            }
        };
        cipher.loadKey();
        return cipher;
    }
}
