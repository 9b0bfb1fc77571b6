package dlcs.imaging.control;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An image as JPEG stores it, in native memory: a luma plane and, for colour, two chroma planes
 * at half the width and half the height (4:2:0), each row-major with its own width as stride.
 * A JPEG master decoded to these ({@link TurboDecompressor#decodeMaster}) has its tiles encoded
 * straight from them and its reduced levels halved from them: no colour conversion or chroma
 * resampling on either side of the codec, half the bytes of BGR to halve, and no pixel on the
 * Java heap. Closing it frees the memory.
 */
final class NativePlanes implements AutoCloseable {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LANES = 0x00FF_00FF_00FF_00FFL;
    private static final long ROUNDING = 0x0002_0002_0002_0002L;

    private final int width;
    private final int height;
    private final boolean grey;
    private final Memory memory;
    private final Pointer[] planes;
    private final int[] strides;

    private NativePlanes(int width, int height, boolean grey) {
        this.width = width;
        this.height = height;
        this.grey = grey;
        long chroma = grey ? 0 : 2L * chromaWidth() * chromaHeight();
        this.memory = new Memory(Math.max(1, (long) width * height + chroma));
        this.planes = at(0, 0);
        this.strides = grey ? new int[] {width} : new int[] {width, chromaWidth(), chromaWidth()};
    }

    /** New planes of the given size, their pixels undefined until written. */
    static NativePlanes allocate(int width, int height, boolean grey) {
        return new NativePlanes(width, height, grey);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    boolean grey() {
        return grey;
    }

    int chromaWidth() {
        return (width + 1) / 2;
    }

    int chromaHeight() {
        return (height + 1) / 2;
    }

    /** The planes (luma, then blue and red for colour), each from its first pixel; not to be changed. */
    Pointer[] planes() {
        return planes;
    }

    /** The planes, each from the sample of luma pixel ({@code x}, {@code y}); both even. */
    Pointer[] at(int x, int y) {
        Pointer luma = memory.share((long) y * width + x);
        if (grey) {
            return new Pointer[] {luma};
        }
        long chroma = (long) (y / 2) * chromaWidth() + x / 2;
        long lumaBytes = (long) width * height;
        long chromaBytes = (long) chromaWidth() * chromaHeight();
        return new Pointer[] {luma, memory.share(lumaBytes + chroma), memory.share(lumaBytes + chromaBytes + chroma)};
    }

    /** The row strides of the planes; not to be changed. */
    int[] strides() {
        return strides;
    }

    /**
     * The next pyramid level: half the size (rounded up), each sample the mean of a 2x2 block of
     * its plane, the last row and column of an odd plane taken twice, as {@link Rasters#halve}
     * does with pixels.
     */
    NativePlanes halve() {
        NativePlanes half = new NativePlanes((width + 1) / 2, (height + 1) / 2, grey);
        Pointer[] from = planes();
        Pointer[] to = half.planes();
        shrink(from[0], width, height, to[0], true, true);
        for (int p = 1; p < from.length; p++) {
            shrink(from[p], chromaWidth(), chromaHeight(), to[p], true, true);
        }
        return half;
    }

    /**
     * Copies the tile at ({@code x}, {@code y}), both even, into {@code tile} (square planes of
     * the tile size), each row of each plane to its own place: libjpeg-turbo encodes a tile
     * whose rows lie together about a quarter faster than one whose 256-byte rows are a whole
     * image's width apart (measured on 24-megapixel masters). A tile the right or bottom edge
     * cuts is padded by repeating its last column and row, as TIFF requires whole tiles and JPEG
     * compresses repeated pixels best; its first {@code width} x {@code height} pixels are the
     * image's.
     */
    void copyTile(int x, int y, NativePlanes tile) {
        int size = tile.width;
        Pointer[] from = at(x, y);
        Pointer[] to = tile.planes();
        int[] strides = strides();
        copy(from[0], strides[0], Math.min(size, width - x), Math.min(size, height - y), to[0], size);
        for (int p = 1; p < from.length; p++) {
            copy(from[p], strides[p], Math.min(size / 2, chromaWidth() - x / 2),
                    Math.min(size / 2, chromaHeight() - y / 2), to[p], size / 2);
        }
    }

    /**
     * A {@code width} x {@code height} plane at {@code from} reduced by two across and/or down
     * into {@code to} (its width and height rounded up), each sample the mean of the two or four
     * it covers; a last odd row or column is taken twice. A row or two at a time through arrays
     * on the heap, each a copy of a few kilobytes.
     */
    static void shrink(Pointer from, int width, int height, Pointer to, boolean across, boolean down) {
        int outWidth = across ? (width + 1) / 2 : width;
        int outHeight = down ? (height + 1) / 2 : height;
        byte[] first = new byte[width + 1];
        byte[] second = new byte[width + 1];
        byte[] out = new byte[outWidth];
        for (int y = 0; y < outHeight; y++) {
            int a = down ? 2 * y : y;
            int b = down ? Math.min(2 * y + 1, height - 1) : a;
            from.read((long) a * width, first, 0, width);
            first[width] = first[width - 1];
            if (b != a) {
                from.read((long) b * width, second, 0, width);
                second[width] = second[width - 1];
            } else {
                System.arraycopy(first, 0, second, 0, width + 1);
            }
            if (across) {
                // across only, the second row is the first: the mean of two
                halveRows(first, second, out, outWidth);
            } else {
                for (int x = 0; x < outWidth; x++) {
                    out[x] = (byte) (((first[x] & 0xFF) + (second[x] & 0xFF) + 1) >> 1);
                }
            }
            to.write((long) y * outWidth, out, 0, outWidth);
        }
    }

    /**
     * The means of the 2x2 blocks of two rows (each with one sample more than {@code 2 * width}
     * would need, for an odd width): eight at a time, the sums of pairs as the 16-bit lanes of a
     * long, as {@link Resampler} sums rows; the rest one by one.
     */
    private static void halveRows(byte[] first, byte[] second, byte[] out, int width) {
        int x = 0;
        for (; 2 * x + 16 <= first.length && x + 8 <= width; x += 8) {
            long low = pairs((long) LONGS.get(first, 2 * x), (long) LONGS.get(second, 2 * x));
            long high = pairs((long) LONGS.get(first, 2 * x + 8), (long) LONGS.get(second, 2 * x + 8));
            LONGS.set(out, x, low | high << 32);
        }
        for (; x < width; x++) {
            int sum = (first[2 * x] & 0xFF) + (first[2 * x + 1] & 0xFF) + (second[2 * x] & 0xFF) + (second[2 * x + 1] & 0xFF);
            out[x] = (byte) ((sum + 2) >> 2);
        }
    }

    /** The rounded means of the four 2x2 blocks in eight bytes of two rows, as four bytes. */
    private static long pairs(long a, long b) {
        long sums = (a & LANES) + (a >>> 8 & LANES) + (b & LANES) + (b >>> 8 & LANES) + ROUNDING;
        long means = sums >>> 2 & LANES;
        means = (means | means >>> 8) & 0x0000_FFFF_0000_FFFFL;
        return (means | means >>> 16) & 0xFFFF_FFFFL;
    }

    /**
     * Copies {@code width} x {@code height} samples into a {@code size}-square plane, repeating
     * the last ones; through views of the native memory, so that no row passes through the heap.
     */
    private static void copy(Pointer from, int stride, int width, int height, Pointer to, int size) {
        ByteBuffer source = from.getByteBuffer(0, (long) (height - 1) * stride + width);
        ByteBuffer target = to.getByteBuffer(0, (long) size * size);
        for (int y = 0; y < height; y++) {
            target.put(y * size, source, y * stride, width);
            byte last = target.get(y * size + width - 1);
            for (int x = width; x < size; x++) {
                target.put(y * size + x, last);
            }
        }
        for (int y = height; y < size; y++) {
            target.put(y * size, target, (height - 1) * size, size);
        }
    }

    @Override
    public void close() {
        memory.close();
    }
}
