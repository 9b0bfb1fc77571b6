package dlcs.ingest.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MemberStatusTest {

    @Test
    void eachStatusParsesFromItsLabelAndNothingElseDoes() {
        for (MemberStatus status : MemberStatus.values()) {
            assertEquals(status, MemberStatus.parse(status.label()));
        }
        assertEquals("error", MemberStatus.ERROR.label());
        assertNull(MemberStatus.parse("ERROR "));
        assertNull(MemberStatus.parse("ERROR"));
        assertNull(MemberStatus.parse(null));
    }
}
