package dlcs.presentation;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The IIIF Presentation API 3.0 JSON Schema (draft-07, vendored from IIIF's
 * presentation-validator with its licence), for unit and integration tests alike.
 */
public final class PresentationSchema {

    private static final Schema SCHEMA = load();

    private PresentationSchema() {
    }

    /** What the schema finds wrong with {@code json}, a 3.0 manifest; empty when it is valid. */
    public static List<String> errors(String json) {
        return SCHEMA.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    private static Schema load() {
        try (InputStream schema = PresentationSchema.class.getResourceAsStream(
                "/iiif-presentation-schema/iiif_3_0.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
