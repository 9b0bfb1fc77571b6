package dlcs.iiif.control;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A response body written in memory, in chunks: unlike a {@link java.io.ByteArrayOutputStream},
 * it never copies what it holds to grow, nor to hand it out, so a large PNG takes its own size
 * and not three times that.
 */
final class BodyBuffer extends OutputStream {

    /** Under half a G1 region at the smallest heaps, so that no chunk is a humongous object. */
    private static final int CHUNK = 256 * 1024;

    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] current;
    private int used;
    private long size;

    @Override
    public void write(int b) {
        if (current == null || used == current.length) {
            next();
        }
        current[used++] = (byte) b;
        size++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        while (length > 0) {
            if (current == null || used == current.length) {
                next();
            }
            int n = Math.min(length, current.length - used);
            System.arraycopy(bytes, offset, current, used, n);
            used += n;
            offset += n;
            length -= n;
            size += n;
        }
    }

    private void next() {
        current = new byte[CHUNK];
        chunks.add(current);
        used = 0;
    }

    /** How many bytes were written. */
    long size() {
        return size;
    }

    /** How many chunks hold what was written. */
    int chunks() {
        return chunks.size();
    }

    /** Chunk {@code index} of what was written. */
    void writeChunk(int index, OutputStream target) throws IOException {
        byte[] chunk = chunks.get(index);
        target.write(chunk, 0, index == chunks.size() - 1 ? used : chunk.length);
    }
}
