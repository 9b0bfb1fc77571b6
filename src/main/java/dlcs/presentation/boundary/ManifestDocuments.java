package dlcs.presentation.boundary;

import dlcs.presentation.entity.Manifest;
import dlcs.presentation.entity.PresentationVersion;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * A manifest's JSON in one version, streamed through one JSON-P generator straight into bytes
 * (no tree of objects in between: a 1,000-canvas manifest is about 1.5 MB), and the ETag of
 * those bytes.
 */
final class ManifestDocuments {

    private static final JsonGeneratorFactory JSON = Json.createGeneratorFactory(Map.of());
    /** Roughly what one canvas takes, so that the buffer seldom grows. */
    private static final int BYTES_PER_CANVAS = 1_800;

    private ManifestDocuments() {
    }

    static byte[] bytes(Manifest manifest, PresentationVersion version) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1_024 + manifest.canvases().size() * BYTES_PER_CANVAS);
        try (JsonGenerator json = JSON.createGenerator(out, StandardCharsets.UTF_8)) {
            if (version == PresentationVersion.V3) {
                ManifestV3.write(manifest, json);
            } else {
                ManifestV2.write(manifest, json);
            }
        }
        return out.toByteArray();
    }

    /**
     * A strong ETag of {@code body}: a digest of the bytes themselves, so that any change (a new
     * image, a changed string1, another public base) makes a new tag, and nothing else does.
     */
    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
