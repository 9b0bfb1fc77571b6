package dlcs.origin.control;

import dlcs.nodes.control.NodeIdentity;
import dlcs.storage.control.DataDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts origin credentials at rest: AES-256-GCM, a fresh nonce per value, stored as
 * {@code v1:} and Base64. The key is {@code dlcs.origin.credentials-key} (32 bytes in Base64)
 * when configured, else {@code credentials.key} in the data directory, generated on first use
 * and readable only by the server's user. Every node of a cluster needs the same key; losing it
 * loses the stored credentials (the rules stay, their credentials must be given again). So a node
 * that is one of several ({@code dlcs.node-id} set) never generates one: without the key configured,
 * or a copy of the first node's {@code credentials.key} in its data directory, it refuses to start
 * ({@link dlcs.origin.boundary.CredentialsKeyCheck}) rather than seal credentials no other node can read.
 */
@ApplicationScoped
public class CredentialCipher {

    private static final Logger LOG = Logger.getLogger(CredentialCipher.class.getName());
    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "dlcs.origin.credentials-key")
    Optional<String> configuredKey;

    @Inject
    DataDirectory data;

    @Inject
    NodeIdentity node;

    private SecretKey key;

    @PostConstruct
    void loadKey() {
        key = new SecretKeySpec(configuredKey.filter(k -> !k.isBlank()).map(CredentialCipher::decodeConfigured)
                .orElseGet(this::keyFile), "AES");
    }

    /** Whether the key is at hand; loading it is what may fail (see {@link dlcs.origin.boundary.CredentialsKeyCheck}). */
    public boolean ready() {
        return key != null;
    }

    public String encrypt(String plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt origin credentials", e);
        }
    }

    /** The plain text; a value this key did not seal is an error that names no part of it. */
    public String decrypt(String sealed) {
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("Stored origin credentials are not in a known format.");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Stored origin credentials cannot be decrypted with this server's key"
                    + " (dlcs.origin.credentials-key or credentials.key in the data directory); was the key changed?");
        }
    }

    private static byte[] decodeConfigured(String configured) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(configured.trim());
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("dlcs.origin.credentials-key (DLCS_ORIGIN_CREDENTIALS_KEY) must be 32 bytes"
                    + " in Base64, such as the output of: head -c 32 /dev/urandom | base64");
        }
        return bytes;
    }

    private byte[] keyFile() {
        Path file = data.root().resolve("credentials.key");
        if (!Files.exists(file) && node.configured()) {
            throw new IllegalStateException("This node is one of several (dlcs.node-id is " + node.id() + "), and"
                    + " origin credentials sealed by a key of its own could not be read by the others. Give every"
                    + " node the same dlcs.origin.credentials-key (DLCS_ORIGIN_CREDENTIALS_KEY, 32 bytes in Base64:"
                    + " head -c 32 /dev/urandom | base64), or copy credentials.key from the first node's data"
                    + " directory to " + file + ".");
        }
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                try {
                    data.writePrivately("credentials.key", Base64.getEncoder().encodeToString(fresh) + "\n");
                    LOG.info("Generated the key that encrypts origin credentials: " + file
                            + ". Back it up with the database; every node needs the same key.");
                } catch (FileAlreadyExistsException anotherNodeWasFirst) {
                    // read what the other writer put there
                }
            }
            if (node.configured()) {
                LOG.warning("Origin credentials are sealed with " + file + ": every node must hold the same file, or"
                        + " better the same dlcs.origin.credentials-key (DLCS_ORIGIN_CREDENTIALS_KEY).");
            }
            return decodeConfigured(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the origin credentials key " + file, e);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("The origin credentials key " + file + " is damaged: it must hold 32"
                    + " bytes in Base64.");
        }
    }
}
