package dlcs.imaging.control;

import dlcs.imaging.entity.Dimensions;
import dlcs.imaging.entity.ImageFormat;
import java.awt.image.DataBuffer;
import java.awt.image.SampleModel;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;

/**
 * What a master may be, decided from its header before any decoding, in the memory its decoding
 * takes: bytes, with its bands and bits per sample counted, not pixels alone (a 16-bit RGBA PNG
 * takes eight bytes a pixel where a JPEG takes three). Each side is capped, which also bounds
 * the band a master read by regions is decoded in and the number of tiles its pyramid has.
 *
 * @param maxPixels       the most pixels of a master decoded whole ({@code dlcs.image.max-pixels})
 * @param maxPixelsByRegion the most pixels of a master read by regions ({@code dlcs.image.max-pixels-by-region})
 * @param maxDecodedBytes the most bytes one decoding may take: the whole image, or one band ({@code dlcs.image.max-decoded-mb})
 * @param maxSide         the longest side ({@code dlcs.image.max-side})
 * @param maxTiles        the most tiles of the pyramid, all levels together ({@code dlcs.image.max-tiles})
 */
public record MasterLimits(long maxPixels, long maxPixelsByRegion, long maxDecodedBytes, int maxSide, long maxTiles) {

    /** The master's size, if decoding it (whole, or by regions) stays within every limit. */
    public Dimensions check(ImageReader reader, ImageFormat format, boolean byRegion) {
        Dimensions size;
        int bytesPerPixel;
        int bandRows;
        try {
            size = new Dimensions(reader.getWidth(0), reader.getHeight(0));
            bytesPerPixel = bytesPerPixel(reader);
            bandRows = byRegion ? Math.min(size.height(), Math.max(PyramidWriter.TILE_SIZE, reader.getTileHeight(0))) : 0;
        } catch (IOException | RuntimeException e) {
            throw new UnreadableImageException("The " + format.mediaType() + " header cannot be read: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        if (size.width() > maxSide || size.height() > maxSide) {
            throw new ImageTooLargeException("The image is " + size + "; each side may be at most " + maxSide
                    + " pixels (dlcs.image.max-side).");
        }
        long pixels = size.pixels();
        long maxPixelsHere = byRegion ? maxPixelsByRegion : maxPixels;
        if (pixels > maxPixelsHere) {
            throw new ImageTooLargeException("The image is " + size + " (" + pixels + " pixels); this server accepts at"
                    + " most " + maxPixelsHere + " pixels (" + (byRegion ? "dlcs.image.max-pixels-by-region"
                    : "dlcs.image.max-pixels") + ").");
        }
        long decodedRows = byRegion ? bandRows : size.height();
        long decoded = (long) size.width() * decodedRows * bytesPerPixel;
        if (decoded > maxDecodedBytes) {
            throw new ImageTooLargeException("The image is " + size + " at " + bytesPerPixel + " bytes a pixel: decoding "
                    + (byRegion ? "a band of " + decodedRows + " rows" : "it") + " takes " + megabytes(decoded)
                    + " MB, more than the " + megabytes(maxDecodedBytes) + " MB this server allows"
                    + " (dlcs.image.max-decoded-mb).");
        }
        long tiles = tiles(size.width(), size.height());
        if (tiles > maxTiles) {
            throw new ImageTooLargeException("The image is " + size + ": its pyramid would have " + tiles
                    + " tiles, more than the " + maxTiles + " this server makes for one image (dlcs.image.max-tiles).");
        }
        return size;
    }

    /** Tiles of every level of the pyramid of a {@code width} x {@code height} image, as PyramidWriter makes it. */
    static long tiles(long width, long height) {
        long tiles = 0;
        long w = width;
        long h = height;
        while (true) {
            tiles += ceilDiv(w, PyramidWriter.TILE_SIZE) * ceilDiv(h, PyramidWriter.TILE_SIZE);
            if (w <= PyramidWriter.TILE_SIZE && h <= PyramidWriter.TILE_SIZE) {
                return tiles;
            }
            w = Math.max(1, (w + 1) / 2);
            h = Math.max(1, (h + 1) / 2);
        }
    }

    /** What one decoded pixel takes in memory, by the sample model the decoder will fill. */
    static int bytesPerPixel(ImageReader reader) throws IOException {
        ImageTypeSpecifier type = reader.getRawImageType(0);
        if (type == null) {
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
            type = types.hasNext() ? types.next() : null;
        }
        if (type == null) {
            return 4;
        }
        SampleModel model = type.getSampleModel();
        int elementBytes = Math.max(1, DataBuffer.getDataTypeSize(model.getDataType()) / 8);
        return Math.max(1, model.getNumDataElements()) * elementBytes;
    }

    private static long ceilDiv(long value, long divisor) {
        return (value + divisor - 1) / divisor;
    }

    private static long megabytes(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
