package dlcs.nodes.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.storage.control.DataDirectory;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeIdentityTest {

    @TempDir
    Path data;

    @TempDir
    Path otherData;

    @Test
    void aNodeAloneIsOneAndKeepsItsTokenAcrossStarts() {
        NodeIdentity first = identity(Optional.empty(), data);
        assertEquals("1", first.id());
        assertFalse(first.configured());
        assertTrue(first.holder().startsWith("1/"));
        assertEquals(first.holder(), identity(Optional.of(" "), data).holder(), "restarted on its own data");
        assertNotEquals(first.holder(), identity(Optional.empty(), otherData).holder(), "another data directory");
    }

    @Test
    void aConfiguredIdentifierIsWhatTheTransactionManagerTakes() {
        NodeIdentity node = identity(Optional.of("node-b.eu_1"), data);
        assertEquals("node-b.eu_1", node.id());
        assertTrue(node.configured());
        for (String bad : new String[] {"x".repeat(24), "node b", "nöde", "a/b"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> identity(Optional.of(bad), data));
            assertTrue(refused.getMessage().contains("DLCS_NODE_ID"), refused.getMessage());
        }
    }

    private static NodeIdentity identity(Optional<String> configured, Path root) {
        NodeIdentity node = new NodeIdentity();
        node.configured = configured;
        node.data = new DataDirectory() {
            @Override
            public Path root() {
                return root;
            }
        };
        node.resolve();
        return node;
    }
}
