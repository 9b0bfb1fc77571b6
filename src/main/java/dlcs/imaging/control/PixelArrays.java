package dlcs.imaging.control;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * Where the pixel arrays of working images come from: fresh from the heap ({@link #FRESH}), or
 * lent by a {@link PixelPool} for the length of one render.
 */
public interface PixelArrays {

    PixelArrays FRESH = length -> new byte[length];

    /** An array of at least {@code length} bytes; its contents are undefined. */
    byte[] array(int length);

    /**
     * A new 8-bit BGR ({@link BufferedImage#TYPE_3BYTE_BGR}) or grey
     * ({@link BufferedImage#TYPE_BYTE_GRAY}) image over an array from here. Its pixels are
     * undefined until written.
     */
    default BufferedImage image(int width, int height, int type) {
        int bands = switch (type) {
            case BufferedImage.TYPE_3BYTE_BGR -> 3;
            case BufferedImage.TYPE_BYTE_GRAY -> 1;
            default -> throw new IllegalArgumentException("Only 8-bit BGR and grey images, not type " + type);
        };
        int length = Math.multiplyExact(Math.multiplyExact(width, height), bands);
        DataBufferByte buffer = new DataBufferByte(array(length), length);
        WritableRaster raster = Raster.createInterleavedRaster(buffer, width, height, width * bands, bands,
                bands == 3 ? new int[] {2, 1, 0} : new int[] {0}, null);
        ComponentColorModel model = new ComponentColorModel(
                ColorSpace.getInstance(bands == 3 ? ColorSpace.CS_sRGB : ColorSpace.CS_GRAY),
                false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        return new BufferedImage(model, raster, false, null);
    }
}
