package dlcs.imaging.control;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
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
 * Only standard ImageIO calls are used: any TIFF writer registered through the SPI
 * (the JDK's, or imageio-ext's) can do the work.
 */
public final class PyramidWriter {

    public static final int TILE_SIZE = 256;
    private static final String TIFF_METADATA = "javax_imageio_tiff_image_1.0";
    private static final int NEW_SUBFILE_TYPE = 254;

    private PyramidWriter() {
    }

    /** Writes all levels of {@code full} (8-bit BGR or grey) to {@code target}; returns the level count. */
    public static int write(BufferedImage full, Path target, float quality) throws IOException {
        ImageWriter writer = tiffWriter();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(target))) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setTilingMode(ImageWriteParam.MODE_EXPLICIT);
            param.setTiling(TILE_SIZE, TILE_SIZE, 0, 0);
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("JPEG");
            param.setCompressionQuality(quality);
            writer.prepareWriteSequence(null);
            BufferedImage level = full;
            int levels = 0;
            while (true) {
                IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(level), param);
                if (levels > 0) {
                    markReduced(metadata);
                }
                writer.writeToSequence(new IIOImage(level, null, metadata), param);
                levels++;
                if (level.getWidth() <= TILE_SIZE && level.getHeight() <= TILE_SIZE) {
                    break;
                }
                level = Rasters.halve(level);
            }
            writer.endWriteSequence();
            return levels;
        } finally {
            writer.dispose();
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
