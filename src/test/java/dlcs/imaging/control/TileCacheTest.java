package dlcs.imaging.control;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The cache of decoded tiles that renders share: within its byte budget, least recently used out first. */
class TileCacheTest {

    /** Two 256 px BGR tiles in each of its segments. */
    private static final long TWO_TILES_A_SEGMENT = 16 * 3 * 256 * 256 * 2;

    private final BufferedImage tile = new BufferedImage(256, 256, BufferedImage.TYPE_3BYTE_BGR);
    private final TileCache.Key first = new TileCache.Key("f", 0, 0, 0);

    @Test
    void itKeepsWithinItsBudgetDroppingTheOldestUntouched() {
        TileCache cache = new TileCache(TWO_TILES_A_SEGMENT);
        cache.put(first, tile);
        assertSame(tile, cache.get(first));
        for (int i = 1; i < 200; i++) {
            cache.put(new TileCache.Key("f", 0, i, 0), tile);
        }
        assertNull(cache.get(first), "the oldest went out");
    }

    @Test
    void aTileReadAgainStaysWhileOthersGoOut() {
        TileCache cache = new TileCache(TWO_TILES_A_SEGMENT);
        cache.put(first, tile);
        for (int i = 1; i < 200; i++) {
            cache.put(new TileCache.Key("f", 0, i, 0), tile);
            assertNotNull(cache.get(first), "the most recently used is kept, after " + i + " more");
        }
        assertNull(cache.get(new TileCache.Key("f", 0, 1, 0)), "while one put early and not read again went out");
    }

    @Test
    void aCacheWithNoBudgetKeepsNothing() {
        TileCache off = new TileCache(0);
        off.put(first, tile);
        assertNull(off.get(first));
    }
}
