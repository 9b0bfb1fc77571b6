package dlcs.nodes.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NodeNewsTest {

    @Test
    void newsReadsBackAsSent() {
        NodeNews sent = new NodeNews("image-changed", "12/3/page \"1\"/é");
        assertEquals(sent, NodeNews.parse(sent.toJson()));
    }

    @Test
    void aBodyThatIsNotNewsIsRefusedWithTheReason() {
        assertEquals("empty message", assertThrows(IllegalArgumentException.class, () -> NodeNews.parse(null))
                .getMessage());
        assertThrows(IllegalArgumentException.class, () -> NodeNews.parse("[1, 2]"));
        assertThrows(IllegalArgumentException.class, () -> NodeNews.parse("{\"kind\": 1, \"subject\": \"x\"}"));
        assertThrows(IllegalArgumentException.class, () -> NodeNews.parse("{\"kind\": \"\", \"subject\": \"x\"}"));
        assertThrows(IllegalArgumentException.class, () -> NodeNews.parse("{\"kind\": \"k\"}"));
        assertThrows(IllegalArgumentException.class, () -> NodeNews.parse("{\"kind\": \"k\", \"subject\": \""
                + "x".repeat(NodeNews.MAX_LENGTH + 1) + "\"}"));
        assertThrows(IllegalArgumentException.class, () -> NodeNews.parse("x".repeat(10 * NodeNews.MAX_LENGTH)));
    }
}
