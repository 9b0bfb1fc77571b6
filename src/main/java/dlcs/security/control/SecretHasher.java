package dlcs.security.control;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted, slow hashes of key secrets ({@code pbkdf2-sha256$iterations$salt$hash}), so that a
 * copy of the database does not give the secrets away. New hashes take {@link #iterations()}
 * rounds; a stored hash is checked with the count it carries, so hashes made with an older, lower
 * count still verify, and {@link #isOutdated} tells when one should be made again.
 */
public final class SecretHasher {

    /**
     * PBKDF2-HMAC-SHA256 rounds of a new hash: OWASP's Password Storage Cheat Sheet (since 2023)
     * asks for 600,000. Hashes made before (60,000) are made again at a successful sign-in.
     */
    public static final int DEFAULT_ITERATIONS = 600_000;

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    /** What a secret is checked against when there is no key: the same scheme and rounds, matched by no secret. */
    private final String standIn;

    public SecretHasher() {
        this(DEFAULT_ITERATIONS);
    }

    public SecretHasher(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive: " + iterations);
        }
        this.iterations = iterations;
        this.standIn = format(iterations, randomBytes(SALT_BYTES), randomBytes(HASH_BITS / 8));
    }

    public int iterations() {
        return iterations;
    }

    public String hash(String secret) {
        byte[] salt = randomBytes(SALT_BYTES);
        return format(iterations, salt, derive(secret, salt, iterations));
    }

    /** Whether {@code secret} is the one {@code stored} was made from, compared in constant time. */
    public boolean matches(String secret, String stored) {
        Parsed parsed = Parsed.of(stored);
        if (parsed == null) {
            return false;
        }
        return MessageDigest.isEqual(parsed.hash(), derive(secret, parsed.salt(), parsed.iterations()));
    }

    /**
     * Does the work of {@link #matches} for a key that does not exist, against a hash no secret
     * matches, so that an unknown key takes as long to refuse as a known one with a wrong secret.
     * Always false.
     */
    public boolean matchesNothing(String secret) {
        matches(secret, standIn);
        return false;
    }

    /** Whether {@code stored} was made with fewer rounds than new hashes take (or is not of this scheme). */
    public boolean isOutdated(String stored) {
        Parsed parsed = Parsed.of(stored);
        return parsed == null || parsed.iterations() < iterations;
    }

    /** A new random secret: 32 bytes, URL-safe Base64. */
    public static String newSecret() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String format(int iterations, byte[] salt, byte[] hash) {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    private static byte[] derive(String secret, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, HASH_BITS);
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        }
    }

    private record Parsed(int iterations, byte[] salt, byte[] hash) {

        /** {@code stored} taken apart, or null when it is not a hash of this scheme. */
        static Parsed of(String stored) {
            String[] parts = stored == null ? new String[0] : stored.split("\\$");
            if (parts.length != 4 || !parts[0].equals(SCHEME)) {
                return null;
            }
            try {
                int iterations = Integer.parseInt(parts[1]);
                Base64.Decoder base64 = Base64.getDecoder();
                return iterations < 1 ? null : new Parsed(iterations, base64.decode(parts[2]), base64.decode(parts[3]));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
