package dlcs.iiif.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BodyBufferTest {

    @Test
    void itGivesBackExactlyWhatWasWrittenAcrossItsChunks() throws Exception {
        byte[] bytes = new byte[700_000];
        new Random(4).nextBytes(bytes);
        BodyBuffer buffer = new BodyBuffer();
        buffer.write(bytes[0]);
        for (int offset = 1, length = 1; offset < bytes.length; offset += length, length = length * 3 + 7) {
            length = Math.min(length, bytes.length - offset);
            buffer.write(bytes, offset, length);
        }
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        for (int i = 0; i < buffer.chunks(); i++) {
            buffer.writeChunk(i, written);
        }
        assertEquals(3, buffer.chunks());
        assertEquals(bytes.length, buffer.size());
        assertArrayEquals(bytes, written.toByteArray());
    }
}
