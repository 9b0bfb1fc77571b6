package dlcs.imaging.control;

import dlcs.imaging.entity.Dimensions;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes the deep-zoom derivative: a tiled (256 px), pyramidal, JPEG-compressed TIFF. Each
 * level is half the one before, down to one that fits in a tile, each a top-level IFD, the
 * reduced ones marked {@code NewSubfileType=1} (how vips and IIPImage lay pyramids out). Every
 * tile is a complete JPEG stream, so a server can send a stored tile without decoding it.
 *
 * <p>Levels are built band by band: while one level is written, each band of it is halved and
 * appended to a scratch file that becomes the next level, so the heap holds one band, whatever
 * the size of the master. Only standard ImageIO calls are used: any TIFF writer registered
 * through the SPI (the JDK's, or imageio-ext's) can do the work.
 */
public final class PyramidWriter {

    public static final int TILE_SIZE = 256;
    /** The largest level kept in memory for thumbnails: big enough for a 1024 px thumbnail. */
    static final int OVERVIEW_MAX = 2048;
    private static final String TIFF_METADATA = "javax_imageio_tiff_image_1.0";
    private static final int NEW_SUBFILE_TYPE = 254;

    /** The levels written, largest first, and the largest one no bigger than {@link #OVERVIEW_MAX}. */
    public record Pyramid(List<Dimensions> levels, BufferedImage overview) {
    }

    private PyramidWriter() {
    }

    /** Writes all levels of an in-memory image; for small images and tests. */
    public static Pyramid write(BufferedImage full, Path target, float quality) throws IOException {
        return write(new DecodedSource(full), target, quality, target.toAbsolutePath().getParent());
    }

    /** Writes all levels of {@code source} to {@code target}, using {@code scratch} for reduced levels. */
    public static Pyramid write(BandSource source, Path target, float quality, Path scratch) throws IOException {
        ImageWriter writer = tiffWriter();
        List<Dimensions> levels = new ArrayList<>();
        BufferedImage overview = null;
        BandSource level = source;
        RawLevel next = null;
        String prefix = "level-" + UUID.randomUUID() + "-";
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(target))) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setTilingMode(ImageWriteParam.MODE_EXPLICIT);
            param.setTiling(TILE_SIZE, TILE_SIZE, 0, 0);
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("JPEG");
            param.setCompressionQuality(quality);
            writer.prepareWriteSequence(null);
            while (true) {
                levels.add(new Dimensions(level.width(), level.height()));
                if (overview == null && Math.max(level.width(), level.height()) <= OVERVIEW_MAX) {
                    overview = level.band(0, level.height());
                }
                boolean last = level.width() <= TILE_SIZE && level.height() <= TILE_SIZE;
                next = last ? null : new RawLevel(scratch.resolve(prefix + levels.size() + ".raw"),
                        (level.width() + 1) / 2, level.type());
                RawLevel reduced = next;
                BandedImage image = new BandedImage(level, TILE_SIZE, band -> {
                    if (reduced != null) {
                        reduced.append(Rasters.halve(band));
                    }
                });
                IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
                if (levels.size() > 1) {
                    markReduced(metadata);
                }
                writer.writeToSequence(new IIOImage(image, null, metadata), param);
                image.finish();
                if (level != source) {
                    level.close();
                }
                if (last) {
                    break;
                }
                level = next;
            }
            writer.endWriteSequence();
            return new Pyramid(levels, overview);
        } finally {
            writer.dispose();
            if (level != source) {
                level.close();
            }
            if (next != null && next != level) {
                next.close();
            }
        }
    }

    private static ImageWriter tiffWriter() {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("tiff");
        while (writers.hasNext()) {
            ImageWriter candidate = writers.next();
            ImageWriteParam param = candidate.getDefaultWriteParam();
            if (param.canWriteTiles() && param.canWriteCompressed() && candidate.canWriteSequence()) {
                return candidate;
            }
        }
        throw new IllegalStateException("No ImageIO TIFF writer that writes tiled, compressed sequences is installed.");
    }

    private static void markReduced(IIOMetadata metadata) throws IOException {
        IIOMetadataNode value = new IIOMetadataNode("TIFFLong");
        value.setAttribute("value", "1");
        IIOMetadataNode longs = new IIOMetadataNode("TIFFLongs");
        longs.appendChild(value);
        IIOMetadataNode field = new IIOMetadataNode("TIFFField");
        field.setAttribute("number", Integer.toString(NEW_SUBFILE_TYPE));
        field.setAttribute("name", "NewSubfileType");
        field.appendChild(longs);
        IIOMetadataNode ifd = new IIOMetadataNode("TIFFIFD");
        ifd.appendChild(field);
        IIOMetadataNode root = new IIOMetadataNode(TIFF_METADATA);
        root.appendChild(ifd);
        metadata.mergeTree(TIFF_METADATA, root);
    }
}
