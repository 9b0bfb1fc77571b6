package dlcs.imaging.control;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Large pixel arrays kept for reuse between renders. A region request works on images of a few
 * megabytes that live for a few milliseconds; allocated fresh, with many requests at once, they
 * are allocated straight into the old generation (G1 treats arrays of half a heap region or
 * more as humongous) and fill it faster than it is collected, which ends in full collections.
 * A {@link Lease} lends arrays to one render and takes them back when it is closed. Arrays come
 * in power-of-two sizes from 256 KB to 32 MB; smaller ones are cheap to allocate and larger
 * ones rare, so those are not pooled. At most {@code maxIdleBytes} are kept idle.
 */
public final class PixelPool {

    private static final int SMALLEST = 18;
    private static final int LARGEST = 25;

    private final List<ConcurrentLinkedQueue<byte[]>> idle = new ArrayList<>();
    private final AtomicLong idleBytes = new AtomicLong();
    private final long maxIdleBytes;

    public PixelPool(long maxIdleBytes) {
        this.maxIdleBytes = maxIdleBytes;
        for (int size = SMALLEST; size <= LARGEST; size++) {
            idle.add(new ConcurrentLinkedQueue<>());
        }
    }

    /** Arrays for one render, on one thread; closing it gives them back. */
    public Lease lease() {
        return new Lease();
    }

    private static int sizeClass(int length) {
        int bits = 32 - Integer.numberOfLeadingZeros(length - 1);
        return Math.max(bits, SMALLEST);
    }

    private byte[] take(int length) {
        if (length <= (1 << SMALLEST) / 2 || length > 1 << LARGEST) {
            return null;
        }
        int sizeClass = sizeClass(length);
        byte[] array = idle.get(sizeClass - SMALLEST).poll();
        if (array == null) {
            return new byte[1 << sizeClass];
        }
        idleBytes.addAndGet(-array.length);
        return array;
    }

    private void giveBack(byte[] array) {
        if (idleBytes.addAndGet(array.length) > maxIdleBytes) {
            idleBytes.addAndGet(-array.length);
            return;
        }
        idle.get(Integer.numberOfTrailingZeros(array.length) - SMALLEST).offer(array);
    }

    /** The arrays lent to one render. Not for sharing between threads. */
    public final class Lease implements PixelArrays, AutoCloseable {

        private final List<byte[]> lent = new ArrayList<>(4);

        private Lease() {
        }

        @Override
        public byte[] array(int length) {
            byte[] array = take(length);
            if (array == null) {
                return new byte[length];
            }
            lent.add(array);
            return array;
        }

        /** Gives the arrays back: no image made from this lease may be used afterwards. */
        @Override
        public void close() {
            lent.forEach(PixelPool.this::giveBack);
            lent.clear();
        }
    }
}
