package dlcs.imaging.control;

import dlcs.imaging.entity.Dimensions;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes the deep-zoom derivative: a tiled (256 px), pyramidal, JPEG-compressed TIFF. Each
 * level is half the one before, down to one that fits in a tile, each a top-level IFD, the
 * reduced ones marked {@code NewSubfileType=1} (how vips and IIPImage lay pyramids out). Every
 * tile is a complete JPEG stream, so a server can send a stored tile without decoding it.
 *
 * <p>Levels are built band by band: each band of a level is cut into tiles, which are encoded
 * straight from the band ({@link JpegTiles}: libjpeg-turbo, or the ImageIO JPEG writer without
 * it) and appended to the file ({@link TiledTiffWriter}), tiles cut by the image's edge both
 * padded and at their true size; the band is then halved and appended to a scratch file that
 * becomes the next level. The heap holds one band, whatever the size of the master, and
 * no pixel is copied between decoding and encoding but by the halving itself.
 *
 * <p>A JPEG master that libjpeg-turbo decodes to planes ({@link NativePlanes}) is written from
 * those instead: the same file, each tile copied out of the planes and encoded, and each level
 * halved from the one before, in native memory.
 */
public final class PyramidWriter {

    public static final int TILE_SIZE = 256;
    /** The largest level kept in memory for thumbnails: big enough for a 1024 px thumbnail. */
    static final int OVERVIEW_MAX = 2048;

    /** The levels written, largest first, and the largest one no bigger than {@link #OVERVIEW_MAX}. */
    public record Pyramid(List<Dimensions> levels, BufferedImage overview) {
    }

    private PyramidWriter() {
    }

    /** Writes all levels of {@code master} to {@code target}, through {@code codec}'s encoder. */
    static Pyramid write(NativePlanes master, Path target, float quality, TurboJpeg codec) throws IOException {
        List<Dimensions> levels = new ArrayList<>();
        BufferedImage overview = null;
        NativePlanes level = master;
        try (TiledTiffWriter tiff = new TiledTiffWriter(target, TILE_SIZE);
             TurboCompressor encoder = codec.compressor();
             TurboDecompressor decoder = codec.decompressor();
             NativePlanes tile = NativePlanes.allocate(TILE_SIZE, TILE_SIZE, master.grey())) {
            while (true) {
                int width = level.width();
                int height = level.height();
                levels.add(new Dimensions(width, height));
                if (overview == null && Math.max(width, height) <= OVERVIEW_MAX) {
                    overview = decoder.image(level);
                }
                TiledTiffWriter.Level written = tiff.level(width, height, level.grey());
                for (int y = 0; y < height; y += TILE_SIZE) {
                    for (int x = 0; x < width; x += TILE_SIZE) {
                        level.copyTile(x, y, tile);
                        written.addTile(encoder.encodeInPlace(tile, TILE_SIZE, TILE_SIZE, quality));
                        int w = Math.min(TILE_SIZE, width - x);
                        int h = Math.min(TILE_SIZE, height - y);
                        if (w < TILE_SIZE || h < TILE_SIZE) {
                            written.addEdgeTile(encoder.encodeInPlace(tile, w, h, quality));
                        }
                    }
                }
                written.finish();
                if (width <= TILE_SIZE && height <= TILE_SIZE) {
                    break;
                }
                NativePlanes next = level.halve();
                if (level != master) {
                    level.close();
                }
                level = next;
            }
            tiff.finish();
            return new Pyramid(levels, overview);
        } finally {
            if (level != master) {
                level.close();
            }
        }
    }

    /** Writes all levels of {@code source} to {@code target}, using {@code scratch} for reduced levels. */
    public static Pyramid write(BandSource source, Path target, float quality, Path scratch) throws IOException {
        List<Dimensions> levels = new ArrayList<>();
        BufferedImage overview = null;
        BandSource level = source;
        RawLevel next = null;
        String prefix = "level-" + UUID.randomUUID() + "-";
        try (TiledTiffWriter tiff = new TiledTiffWriter(target, TILE_SIZE);
             JpegTiles tiles = new JpegTiles(TILE_SIZE, quality, TurboJpeg.get())) {
            while (true) {
                levels.add(new Dimensions(level.width(), level.height()));
                boolean keep = overview == null && Math.max(level.width(), level.height()) <= OVERVIEW_MAX;
                if (keep) {
                    overview = new BufferedImage(level.width(), level.height(), level.type());
                }
                boolean last = level.width() <= TILE_SIZE && level.height() <= TILE_SIZE;
                next = last ? null : new RawLevel(scratch.resolve(prefix + levels.size() + ".raw"),
                        (level.width() + 1) / 2, level.type());
                TiledTiffWriter.Level written = tiff.level(level.width(), level.height(),
                        level.type() == BufferedImage.TYPE_BYTE_GRAY);
                for (int y = 0; y < level.height(); y += TILE_SIZE) {
                    BufferedImage band = level.band(y, Math.min(TILE_SIZE, level.height() - y));
                    for (int x = 0; x < level.width(); x += TILE_SIZE) {
                        written.addTile(tiles.encode(band, x));
                        if (x + TILE_SIZE > level.width() || band.getHeight() < TILE_SIZE) {
                            written.addEdgeTile(tiles.encodeAsIs(band, x));
                        }
                    }
                    if (keep) {
                        overview.getRaster().setDataElements(0, y, band.getRaster());
                    }
                    if (next != null) {
                        next.append(Rasters.halve(band));
                    }
                }
                written.finish();
                if (level != source) {
                    level.close();
                }
                if (last) {
                    break;
                }
                level = next;
            }
            tiff.finish();
            return new Pyramid(levels, overview);
        } finally {
            if (level != source) {
                level.close();
            }
            if (next != null && next != level) {
                next.close();
            }
        }
    }
}
