package dlcs.imaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dlcs.imaging.TestImages;
import java.awt.image.BufferedImage;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Pixel arrays lent to one render at a time, and taken back for the next. */
class PixelPoolTest {

    @Test
    void anArrayGivenBackIsLentAgainAndSmallOnesAreNotPooled() {
        PixelPool pool = new PixelPool(8 << 20);
        byte[] first;
        byte[] small;
        try (PixelPool.Lease lease = pool.lease()) {
            first = lease.array(600_000);
            assertEquals(1 << 20, first.length, "rounded up to a power of two");
            small = lease.array(1000);
            assertEquals(1000, small.length, "small arrays are plain allocations");
        }
        try (PixelPool.Lease lease = pool.lease()) {
            assertSame(first, lease.array(700_000));
            assertNotSame(first, lease.array(700_000), "one array is lent once at a time");
            assertNotSame(small, lease.array(1000));
        }
    }

    @Test
    void keepsNoMoreIdleThanItsLimit() {
        PixelPool pool = new PixelPool(3 << 20);
        Set<byte[]> given = Collections.newSetFromMap(new IdentityHashMap<>());
        try (PixelPool.Lease lease = pool.lease()) {
            for (int i = 0; i < 5; i++) {
                given.add(lease.array(1 << 20));
            }
        }
        assertEquals(3, lentAgain(pool, given, 5), "three megabytes of the five were kept");
        PixelPool off = new PixelPool(0);
        given.clear();
        try (PixelPool.Lease lease = off.lease()) {
            given.add(lease.array(1 << 20));
        }
        assertEquals(0, lentAgain(off, given, 1), "a pool of no bytes keeps none");
    }

    /** How many of {@code count} megabyte arrays lent now are among {@code given}. */
    private static long lentAgain(PixelPool pool, Set<byte[]> given, int count) {
        long again = 0;
        try (PixelPool.Lease lease = pool.lease()) {
            for (int i = 0; i < count; i++) {
                again += given.contains(lease.array(1 << 20)) ? 1 : 0;
            }
        }
        return again;
    }

    @Test
    void imagesOverLentArraysAreTheUsualTypesAndTheRenderIsUnchanged() {
        PixelPool pool = new PixelPool(64 << 20);
        BufferedImage source = TestImages.grid(1000, 700);
        BufferedImage expected = Rasters.scale(source, 300, 210);
        for (int round = 0; round < 3; round++) {
            try (PixelPool.Lease lease = pool.lease()) {
                BufferedImage bgr = lease.image(40, 30, BufferedImage.TYPE_3BYTE_BGR);
                assertEquals(BufferedImage.TYPE_3BYTE_BGR, bgr.getType());
                assertEquals(BufferedImage.TYPE_BYTE_GRAY, lease.image(40, 30, BufferedImage.TYPE_BYTE_GRAY).getType());
                BufferedImage scaled = Rasters.scale(source, 300, 210, lease, Deadline.NONE);
                assertEquals(0, TestImages.meanDifference(expected, scaled));
            }
        }
    }
}
