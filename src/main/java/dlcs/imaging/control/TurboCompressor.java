package dlcs.imaging.control;

import static dlcs.imaging.control.TurboJpeg.FLAG_NOREALLOC;
import static dlcs.imaging.control.TurboJpeg.PF_BGR;
import static dlcs.imaging.control.TurboJpeg.PF_GRAY;
import static dlcs.imaging.control.TurboJpeg.SAMP_420;
import static dlcs.imaging.control.TurboJpeg.SAMP_GRAY;
import static dlcs.imaging.control.TurboJpeg.atLeast;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A libjpeg-turbo encoder and its native buffers, for one thread at a time: the pixels of a
 * band or an image are copied to native memory once, then encoded piece by piece.
 */
final class TurboCompressor implements AutoCloseable {

    private final TurboJpeg.Api api;
    private final Pointer handle;
    private final PointerByReference target = new PointerByReference();
    private final NativeLongByReference length = new NativeLongByReference();
    private Memory pixels;
    private Memory jpeg;
    private BufferedImage loaded;
    private int stride;
    private int bands;

    TurboCompressor(TurboJpeg.Api api, Pointer handle) {
        this.api = api;
        this.handle = handle;
    }

    /** Copies {@code image} (8-bit BGR or grey, or a view of one) to native memory, unless it is there already. */
    void load(BufferedImage image) {
        if (image == loaded) {
            return;
        }
        Rasters.Bytes bytes = Rasters.bytes(image);
        bands = bytes.pixelStride();
        stride = image.getWidth() * bands;
        long size = (long) stride * image.getHeight();
        pixels = atLeast(pixels, size);
        if (bytes.stride() == stride) {
            pixels.write(0, bytes.data(), bytes.offset(), (int) size);
        } else {
            for (int y = 0; y < image.getHeight(); y++) {
                pixels.write((long) y * stride, bytes.data(), bytes.offset() + y * bytes.stride(), stride);
            }
        }
        loaded = image;
    }

    /** Encodes the {@code width} x {@code height} pixels at column {@code x} of the loaded image. */
    byte[] encode(int x, int width, int height, float quality) throws IOException {
        boolean grey = bands == 1;
        int subsampling = grey ? SAMP_GRAY : SAMP_420;
        jpeg = atLeast(jpeg, api.tjBufSize(width, height, subsampling).longValue());
        target.setValue(jpeg);
        length.setValue(new NativeLong(jpeg.size()));
        if (api.tjCompress2(handle, pixels.share((long) x * bands), width, stride, height, grey ? PF_GRAY : PF_BGR,
                target, length, subsampling, percent(quality), FLAG_NOREALLOC) != 0) {
            throw TurboJpeg.failure(api, handle, "encode");
        }
        return jpeg.getByteArray(0, (int) length.getValue().longValue());
    }

    /** Encodes a whole image (8-bit BGR or grey), copied afresh even if it was loaded before. */
    byte[] encode(BufferedImage image, float quality) throws IOException {
        loaded = null;
        load(image);
        return encode(0, image.getWidth(), image.getHeight(), quality);
    }

    /** Encodes planes, copied to native memory first. */
    byte[] encode(Planes planes, float quality) throws IOException {
        loaded = null;
        int w = planes.width();
        int h = planes.height();
        long lumaBytes = (long) w * h;
        long chromaBytes = planes.grey() ? 0 : (long) planes.chromaWidth() * planes.chromaHeight();
        pixels = atLeast(pixels, lumaBytes + 2 * chromaBytes);
        pixels.write(0, planes.luma(), 0, (int) lumaBytes);
        if (planes.grey()) {
            return encode(new Pointer[] {pixels}, new int[] {w}, w, h, quality);
        }
        pixels.write(lumaBytes, planes.blue(), 0, (int) chromaBytes);
        pixels.write(lumaBytes + chromaBytes, planes.red(), 0, (int) chromaBytes);
        return encode(new Pointer[] {pixels, pixels.share(lumaBytes), pixels.share(lumaBytes + chromaBytes)},
                new int[] {w, planes.chromaWidth(), planes.chromaWidth()}, w, h, quality);
    }

    /** Encodes the {@code width} x {@code height} pixels at ({@code x}, {@code y}), both even, of planes in native memory. */
    byte[] encode(NativePlanes planes, int x, int y, int width, int height, float quality) throws IOException {
        return encode(planes.at(x, y), planes.strides(), width, height, quality);
    }

    /**
     * Encodes the first {@code width} x {@code height} pixels of planes in native memory into a
     * view of this encoder's own buffer, valid until its next call: a tile written straight to a
     * file needs no copy on the heap.
     */
    ByteBuffer encodeInPlace(NativePlanes planes, int width, int height, float quality) throws IOException {
        long size = compress(planes.planes(), planes.strides(), width, height, quality);
        return jpeg.getByteBuffer(0, size);
    }

    /** Encodes planes in native memory: one plane is grey, three are 4:2:0 colour. */
    private byte[] encode(Pointer[] planes, int[] strides, int width, int height, float quality) throws IOException {
        // compressing may replace the buffer: read the one it wrote into, after it
        long size = compress(planes, strides, width, height, quality);
        return jpeg.getByteArray(0, (int) size);
    }

    /** Encodes planes in native memory into {@link #jpeg}, and gives the length of the stream. */
    private long compress(Pointer[] planes, int[] strides, int width, int height, float quality) throws IOException {
        int subsampling = planes.length == 1 ? SAMP_GRAY : SAMP_420;
        jpeg = atLeast(jpeg, api.tjBufSize(width, height, subsampling).longValue());
        target.setValue(jpeg);
        length.setValue(new NativeLong(jpeg.size()));
        if (api.tjCompressFromYUVPlanes(handle, planes, width, strides, height, subsampling, target, length,
                percent(quality), FLAG_NOREALLOC) != 0) {
            throw TurboJpeg.failure(api, handle, "encode");
        }
        return length.getValue().longValue();
    }

    /** Lets go of the last image and frees large buffers, so that an idle encoder holds little. */
    void trim() {
        loaded = null;
        pixels = TurboJpeg.keptOrFreed(pixels);
        jpeg = TurboJpeg.keptOrFreed(jpeg);
    }

    @Override
    public void close() {
        api.tjDestroy(handle);
        TurboJpeg.free(pixels);
        TurboJpeg.free(jpeg);
    }

    private static int percent(float quality) {
        return Math.max(1, Math.min(100, Math.round(quality * 100)));
    }
}
