package dlcs.logging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The access line: every key, in order, times in milliseconds to the microsecond. */
class AccessLogTest {

    @Test
    void aStoredTile() {
        assertEquals("method=GET path=/iiif-img/2/1/page-1/0,0,1024,1024/256,/0/default.jpg status=200 bytes=10240"
                        + " ms=0.412 client=10.0.0.7",
                AccessLog.line("GET", "/iiif-img/2/1/page-1/0,0,1024,1024/256,/0/default.jpg", 200, 10240, 412_345,
                        "10.0.0.7"));
    }

    @Test
    void anAnswerOfUnknownLengthAndASlowOne() {
        assertEquals("method=POST path=/customers/2/queue status=201 bytes=- ms=1234.005 client=0:0:0:0:0:0:0:1",
                AccessLog.line("POST", "/customers/2/queue", 201, -1, 1_234_005_999L, "0:0:0:0:0:0:0:1"));
        assertEquals("ms=0.050", AccessLog.line("GET", "/", 200, 0, 50_000, "x").replaceAll(".* (ms=\\S+) .*", "$1"));
    }

    @Test
    void aHostilePathStaysOneToken() {
        String line = AccessLog.line("GET", "/thumbs/x\n2026-11-30 ERROR forged" + "y".repeat(5000), 404, 60, 1, "1.2.3.4");
        assertEquals("method=GET path=/thumbs/x%0A2026-11-30%20ERROR%20forged" + "y".repeat(AccessLog.MAX_PATH - 33)
                + "... status=404 bytes=60 ms=0.000 client=1.2.3.4", line);
    }
}
