package dlcs.registration.boundary;

import dlcs.common.InvalidInputException;
import dlcs.common.JsonFields;
import dlcs.registration.control.MetadataRules;
import dlcs.registration.entity.ImageMetadata;
import jakarta.json.JsonObject;
import java.util.List;

/** An image as a client sends it, parsed and checked field by field. */
public final class ImageInput {

    private ImageInput() {
    }

    public static ImageMetadata parse(JsonObject json) {
        Long number1 = number(json, "number1");
        Long number2 = number(json, "number2");
        Long number3 = number(json, "number3");
        List<String> tags = JsonFields.strings(json, "tags");
        List<String> roles = JsonFields.strings(json, "roles");
        Integer maxUnauthorised = JsonFields.integer(json, "maxUnauthorised");
        String thumbnailPolicy = JsonFields.string(json, "thumbnailPolicy");
        if (thumbnailPolicy != null && !thumbnailPolicy.equals("default")) {
            throw new InvalidInputException("thumbnailPolicy '" + thumbnailPolicy
                    + "' does not exist; GET /thumbnailPolicies lists them.");
        }
        return new ImageMetadata(
                JsonFields.string(json, "origin"),
                MetadataRules.string("string1", JsonFields.string(json, "string1")),
                MetadataRules.string("string2", JsonFields.string(json, "string2")),
                MetadataRules.string("string3", JsonFields.string(json, "string3")),
                number1, number2, number3,
                tags == null ? null : MetadataRules.tags("tags", tags),
                roles == null ? null : MetadataRules.tags("roles", roles),
                maxUnauthorised == null ? null : MetadataRules.maxUnauthorised(maxUnauthorised),
                thumbnailPolicy);
    }

    private static Long number(JsonObject json, String field) {
        Long value = JsonFields.wholeNumber(json, field);
        return value == null ? null : MetadataRules.number(field, value);
    }
}
