package dlcs.imaging.control;

import dlcs.common.CacheCounts;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decoded tiles, least recently used first out, within a byte budget. Regions requested one
 * after another overlap (a viewer panning, the same page at several sizes), so most of the tiles
 * a render needs were decoded moments before. Split into segments, each with its own lock and a
 * share of the budget, so that concurrent renders rarely wait for each other. Cached tiles are
 * never written to.
 */
public final class TileCache {

    private static final int SEGMENTS = 16;
    private final Segment[] segments = new Segment[SEGMENTS];
    private final CacheCounts counts = new CacheCounts();

    /**
     * A tile of one pyramid (a derivative version never changes, so its {@link PyramidBytes#id}
     * names it),
     * decoded to BGR or grey pixels, or to its {@link Planes}.
     */
    record Key(String file, int level, int column, int row, boolean planes) {
        Key(String file, int level, int column, int row) {
            this(file, level, column, row, false);
        }
    }

    /** A cache of at most {@code maxBytes} of decoded pixels; 0 turns it off. */
    public TileCache(long maxBytes) {
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = new Segment(maxBytes / SEGMENTS);
        }
    }

    BufferedImage get(Key key) {
        return (BufferedImage) counted(segment(key).get(key));
    }

    void put(Key key, BufferedImage tile) {
        segment(key).put(key, tile);
    }

    Planes getPlanes(Key key) {
        return (Planes) counted(segment(key).get(key));
    }

    /** How often a tile asked for was here already. */
    public CacheCounts counts() {
        return counts;
    }

    private Object counted(Object tile) {
        if (tile != null) {
            counts.hit();
        } else {
            counts.miss();
        }
        return tile;
    }

    void put(Key key, Planes tile) {
        segment(key).put(key, tile);
    }

    private Segment segment(Key key) {
        return segments[Math.floorMod(key.hashCode(), SEGMENTS)];
    }

    private static long bytes(Object tile) {
        if (tile instanceof Planes planes) {
            return planes.bytes();
        }
        BufferedImage image = (BufferedImage) tile;
        return (long) image.getWidth() * image.getHeight() * image.getRaster().getNumBands();
    }

    private static final class Segment {
        private final long maxBytes;
        private final LinkedHashMap<Key, Object> tiles = new LinkedHashMap<>(64, 0.75f, true);
        private long bytes;

        Segment(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        synchronized Object get(Key key) {
            return tiles.get(key);
        }

        synchronized void put(Key key, Object tile) {
            long size = bytes(tile);
            if (size > maxBytes) {
                return;
            }
            Object previous = tiles.put(key, tile);
            bytes += size - (previous == null ? 0 : bytes(previous));
            var eldest = tiles.entrySet().iterator();
            while (bytes > maxBytes && eldest.hasNext()) {
                Map.Entry<Key, Object> out = eldest.next();
                bytes -= bytes(out.getValue());
                eldest.remove();
            }
        }
    }
}
