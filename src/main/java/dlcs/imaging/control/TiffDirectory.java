package dlcs.imaging.control;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** One image file directory of a TIFF file: its entries, read as unsigned numbers. */
record TiffDirectory(ByteBuffer entries, int count, long next, IndexBlocks blocks, ByteOrder order) {

    /** Bounds what a damaged or hostile file can make the reader allocate. */
    private static final long MAX_VALUES = 10_000_000;

    static TiffDirectory read(IndexBlocks blocks, long at, ByteOrder order) throws IOException {
        int count = Short.toUnsignedInt(blocks.read(at, 2, order).getShort(0));
        ByteBuffer entries = blocks.read(at + 2, count * 12 + 4, order);
        long next = Integer.toUnsignedLong(entries.getInt(count * 12));
        return new TiffDirectory(entries, count, next, blocks, order);
    }

    long single(int tag) throws IOException {
        long[] values = values(tag);
        if (values.length == 0) {
            throw new IOException("TIFF tag " + tag + " is empty");
        }
        return values[0];
    }

    long[] values(int tag) throws IOException {
        for (int i = 0; i < count; i++) {
            int base = i * 12;
            if (Short.toUnsignedInt(entries.getShort(base)) != tag) {
                continue;
            }
            int type = entries.getShort(base + 2);
            long n = Integer.toUnsignedLong(entries.getInt(base + 4));
            int size = switch (type) {
                case TiffTags.SHORT -> 2;
                case TiffTags.LONG -> 4;
                default -> throw new IOException("TIFF tag " + tag + " has type " + type + ", not SHORT or LONG");
            };
            if (n > MAX_VALUES) {
                throw new IOException("TIFF tag " + tag + " claims " + n + " values");
            }
            // values that fit in the entry's four bytes are kept there
            ByteBuffer data = n * size <= 4
                    ? entries.duplicate().order(order).position(base + 8).slice().order(order)
                    : blocks.read(Integer.toUnsignedLong(entries.getInt(base + 8)),
                            (int) (n * size), order);
            long[] values = new long[(int) n];
            for (int v = 0; v < n; v++) {
                values[v] = size == 2 ? Short.toUnsignedInt(data.getShort(v * 2))
                        : Integer.toUnsignedLong(data.getInt(v * 4));
            }
            return values;
        }
        throw new IOException("TIFF tag " + tag + " is missing");
    }
}
