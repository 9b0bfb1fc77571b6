package dlcs.imaging.control;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

/**
 * The pyramid file as {@link PyramidIndex} parses it: in aligned blocks of {@value #BLOCK}
 * bytes, each read once, so the many small reads of a TIFF header and its directories cost a
 * few ranged reads of a store rather than one each.
 */
final class IndexBlocks {

    static final int BLOCK = 64 * 1024;

    private final PyramidBytes file;
    private final Map<Long, byte[]> blocks = new HashMap<>();

    IndexBlocks(PyramidBytes file) {
        this.file = file;
    }

    long size() {
        return file.size();
    }

    /** {@code size} bytes from {@code position}, in {@code order}. */
    ByteBuffer read(long position, int size, ByteOrder order) throws IOException {
        if (position < 0 || size < 0 || position > file.size() - size) {
            throw new IOException("The pyramid file ends early: " + size + " bytes at " + position + " of "
                    + file.size());
        }
        ByteBuffer buffer = ByteBuffer.allocate(size).order(order);
        long at = position;
        while (buffer.hasRemaining()) {
            long start = at / BLOCK * BLOCK;
            byte[] block = block(start);
            int from = (int) (at - start);
            int length = Math.min(buffer.remaining(), block.length - from);
            buffer.put(block, from, length);
            at += length;
        }
        return buffer.flip();
    }

    private byte[] block(long start) throws IOException {
        byte[] block = blocks.get(start);
        if (block == null) {
            block = file.read(start, (int) Math.min(BLOCK, file.size() - start));
            blocks.put(start, block);
        }
        return block;
    }
}
