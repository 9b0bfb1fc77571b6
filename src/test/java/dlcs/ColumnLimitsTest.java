package dlcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.ingest.entity.Batch;
import dlcs.ingest.entity.BatchMember;
import dlcs.namedquery.entity.NamedQuery;
import dlcs.namedquery.entity.QueryTemplate;
import dlcs.origin.control.OriginCredentials;
import dlcs.origin.entity.CustomerOriginStrategy;
import dlcs.registration.control.Identifiers;
import dlcs.registration.control.MetadataRules;
import dlcs.registration.entity.Customer;
import dlcs.registration.entity.Image;
import dlcs.registration.entity.Space;
import dlcs.security.entity.ApiKey;
import jakarta.persistence.Column;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every text column of every entity against the rule that limits what goes into it, so that a
 * value the rules let through always fits: a longer one is a 400 that names its field, never a
 * rollback (which the API once told as a false 409). A new text column fails here until it has
 * a rule, or is listed as made by the server.
 */
class ColumnLimitsTest {

    /** The longest customer number and space number a path can name: 18 and 9 digits. */
    private static final int KEY_PREFIX = 18 + 1 + 9 + 1;

    private static final Map<String, Integer> LONGEST_ALLOWED = new TreeMap<>(Map.ofEntries(
            Map.entry("Customer.name", Identifiers.MAX_CUSTOMER_NAME),
            Map.entry("Customer.displayName", Customer.DISPLAY_NAME_LENGTH),
            Map.entry("Space.key", KEY_PREFIX - 1),
            Map.entry("Space.name", Space.NAME_LENGTH),
            Map.entry("Space.defaultTags", MetadataRules.MAX_TAGS_STORED),
            Map.entry("Space.defaultRoles", MetadataRules.MAX_TAGS_STORED),
            Map.entry("Image.key", KEY_PREFIX + Identifiers.MAX_IMAGE_ID),
            Map.entry("Image.imageId", Identifiers.MAX_IMAGE_ID),
            Map.entry("Image.origin", MetadataRules.MAX_ORIGIN),
            Map.entry("Image.string1", MetadataRules.MAX_STRING),
            Map.entry("Image.string2", MetadataRules.MAX_STRING),
            Map.entry("Image.string3", MetadataRules.MAX_STRING),
            Map.entry("Image.tags", MetadataRules.MAX_TAGS_STORED),
            Map.entry("Image.roles", MetadataRules.MAX_TAGS_STORED),
            Map.entry("Image.mediaType", "image/jpeg".length()),
            Map.entry("Image.thumbnailPolicy", "default".length()),
            Map.entry("Image.error", Image.ERROR_LENGTH),
            Map.entry("Image.storageVersion", 36),
            Map.entry("BatchMember.key", 19 + 1 + KEY_PREFIX + Identifiers.MAX_IMAGE_ID),
            Map.entry("BatchMember.imageKey", KEY_PREFIX + Identifiers.MAX_IMAGE_ID),
            Map.entry("BatchMember.error", BatchMember.ERROR_LENGTH),
            Map.entry("CustomerOriginStrategy.id", 36),
            Map.entry("CustomerOriginStrategy.regex", CustomerOriginStrategy.REGEX_LENGTH),
            Map.entry("CustomerOriginStrategy.credentials", sealedLength(OriginCredentials.MAX_JSON_BYTES)),
            Map.entry("NamedQuery.id", 36),
            Map.entry("NamedQuery.name", NamedQuery.NAME_LENGTH),
            Map.entry("NamedQuery.globalName", NamedQuery.NAME_LENGTH),
            Map.entry("NamedQuery.template", QueryTemplate.MAX_LENGTH),
            Map.entry("ApiKey.key", 36),
            Map.entry("ApiKey.secretHash", 120)));

    @Test
    void everyTextColumnHoldsTheLongestValueItsRuleAllows() {
        List<String> unruled = new ArrayList<>();
        for (Class<?> entity : List.of(Customer.class, Space.class, Image.class, Batch.class, BatchMember.class,
                CustomerOriginStrategy.class, ApiKey.class, NamedQuery.class)) {
            for (Field field : entity.getDeclaredFields()) {
                if (field.getType() != String.class) {
                    continue;
                }
                String name = entity.getSimpleName() + "." + field.getName();
                Integer longest = LONGEST_ALLOWED.get(name);
                if (longest == null) {
                    unruled.add(name);
                    continue;
                }
                Column column = field.getAnnotation(Column.class);
                int length = column == null ? 255 : column.length();
                assertTrue(longest <= length, name + " holds " + length + " characters but its rule allows " + longest);
            }
        }
        assertEquals(List.of(), unruled, "text columns without a rule in this test");
    }

    @Test
    void theRulesAreTheColumnsWhereClientsGiveTheValue() {
        assertEquals(column(Image.class, "string1"), MetadataRules.MAX_STRING);
        assertEquals(column(Image.class, "origin"), MetadataRules.MAX_ORIGIN);
        assertEquals(column(Image.class, "tags"), MetadataRules.MAX_TAGS_STORED);
        assertEquals(column(Space.class, "defaultTags"), MetadataRules.MAX_TAGS_STORED);
        assertEquals(column(Customer.class, "name"), Identifiers.MAX_CUSTOMER_NAME);
        assertEquals(column(Image.class, "imageId"), Identifiers.MAX_IMAGE_ID);
    }

    /** "v1:" and the Base64 of a 12-byte nonce, the ciphertext and a 16-byte tag. */
    private static int sealedLength(int plainBytes) {
        return 3 + (plainBytes + 12 + 16 + 2) / 3 * 4;
    }

    private static int column(Class<?> entity, String field) {
        try {
            return entity.getDeclaredField(field).getAnnotation(Column.class).length();
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }
}
