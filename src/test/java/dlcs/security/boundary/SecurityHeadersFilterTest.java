package dlcs.security.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Which Content-Security-Policy each part of the server gets, and what the viewer's extra source is. */
class SecurityHeadersFilterTest {

    @Test
    void theViewersOnlyExtraStyleSourceIsTheHashOfAnEmptyStyleElement() throws Exception {
        String empty = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest("".getBytes(StandardCharsets.UTF_8)));
        assertEquals("'sha256-" + empty + "'", SecurityHeadersFilter.EMPTY_STYLE);
        assertEquals(SecurityHeadersFilter.PORTAL_POLICY.replace("style-src 'self'",
                "style-src 'self' 'sha256-" + empty + "'"), SecurityHeadersFilter.VIEWER_POLICY);
        assertFalse(SecurityHeadersFilter.VIEWER_POLICY.contains("unsafe"));
    }

    @Test
    void onlyTheViewerPageGetsTheViewersPolicy() {
        assertEquals(SecurityHeadersFilter.VIEWER_POLICY, SecurityHeadersFilter.policy("/portal", "/viewer.html"));
        for (String other : new String[]{"/", "/index.html", "/js/viewer.js", "/viewer.html/", "/x/viewer.html"}) {
            assertEquals(SecurityHeadersFilter.PORTAL_POLICY, SecurityHeadersFilter.policy("/portal", other), other);
        }
        assertEquals(SecurityHeadersFilter.PORTAL_POLICY, SecurityHeadersFilter.policy("/portal", null));
        assertEquals(SecurityHeadersFilter.PORTAL_POLICY, SecurityHeadersFilter.policy("/webjars", "/viewer.html"));
        assertEquals(SecurityHeadersFilter.API_POLICY, SecurityHeadersFilter.policy("", "/viewer.html"));
        assertEquals(SecurityHeadersFilter.API_POLICY, SecurityHeadersFilter.policy("/customers", null));
    }
}
