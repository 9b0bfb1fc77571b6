package dlcs.imaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.imaging.TestImages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PixelPoolTest {

    @Test
    void anArrayGivenBackIsLentAgainAndSmallOnesAreNotPooled() {
        PixelPool pool = new PixelPool(8 << 20);
        byte[] first;
        try (PixelPool.Lease lease = pool.lease()) {
            first = lease.array(600_000);
            assertEquals(1 << 20, first.length, "rounded up to a power of two");
            assertEquals(1000, lease.array(1000).length, "small arrays are plain allocations");
        }
        assertEquals(1 << 20, pool.idleBytes());
        try (PixelPool.Lease lease = pool.lease()) {
            assertSame(first, lease.array(700_000));
            assertNotSame(first, lease.array(700_000), "one array is lent once at a time");
        }
        assertEquals(2 << 20, pool.idleBytes());
    }

    @Test
    void keepsNoMoreIdleThanItsLimit() {
        PixelPool pool = new PixelPool(3 << 20);
        try (PixelPool.Lease lease = pool.lease()) {
            for (int i = 0; i < 5; i++) {
                lease.array(1 << 20);
            }
        }
        assertEquals(3 << 20, pool.idleBytes());
        PixelPool off = new PixelPool(0);
        try (PixelPool.Lease lease = off.lease()) {
            lease.array(1 << 20);
        }
        assertEquals(0, off.idleBytes());
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
                BufferedImage scaled = Rasters.scale(source, 300, 210, lease);
                assertEquals(0, TestImages.meanDifference(expected, scaled));
            }
        }
        assertTrue(pool.idleBytes() > 0);
    }
}
