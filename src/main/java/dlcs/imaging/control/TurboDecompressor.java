package dlcs.imaging.control;

import static dlcs.imaging.control.TurboJpeg.CS_GRAY;
import static dlcs.imaging.control.TurboJpeg.CS_YCBCR;
import static dlcs.imaging.control.TurboJpeg.PF_BGR;
import static dlcs.imaging.control.TurboJpeg.PF_GRAY;
import static dlcs.imaging.control.TurboJpeg.SAMP_420;
import static dlcs.imaging.control.TurboJpeg.SAMP_422;
import static dlcs.imaging.control.TurboJpeg.SAMP_440;
import static dlcs.imaging.control.TurboJpeg.SAMP_444;
import static dlcs.imaging.control.TurboJpeg.SAMP_GRAY;
import static dlcs.imaging.control.TurboJpeg.atLeast;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;

/**
 * A libjpeg-turbo decoder and the native buffer it decodes into, for one thread at a time.
 * libjpeg-turbo 2.x fails a decode that met a warning, so damage is an error here, never a
 * half-grey image.
 */
final class TurboDecompressor implements AutoCloseable {

    private final TurboJpeg.Api api;
    private final Pointer handle;
    private Memory pixels;

    TurboDecompressor(TurboJpeg.Api api, Pointer handle) {
        this.api = api;
        this.handle = handle;
    }

    /** What the header of a JPEG stream says. */
    private record Header(NativeLong size, int width, int height, int subsampling, int colourspace) {
    }

    private Header header(byte[] jpeg) throws IOException {
        IntByReference width = new IntByReference();
        IntByReference height = new IntByReference();
        IntByReference subsampling = new IntByReference();
        IntByReference colourspace = new IntByReference();
        NativeLong size = new NativeLong(jpeg.length);
        if (api.tjDecompressHeader3(handle, jpeg, size, width, height, subsampling, colourspace) != 0) {
            throw TurboJpeg.failure(api, handle, "read the JPEG header");
        }
        return new Header(size, width.getValue(), height.getValue(), subsampling.getValue(), colourspace.getValue());
    }

    /** Decodes a JPEG stream to 8-bit BGR, or grey when it is grey. */
    BufferedImage decode(byte[] jpeg) throws IOException {
        Header header = header(jpeg);
        boolean grey = header.colourspace() == CS_GRAY;
        BufferedImage image = new BufferedImage(header.width(), header.height(),
                grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        pixels = atLeast(pixels, target.length);
        int pitch = header.width() * (grey ? 1 : 3);
        if (api.tjDecompress2(handle, jpeg, header.size(), pixels, header.width(), pitch, header.height(),
                grey ? PF_GRAY : PF_BGR, 0) != 0) {
            throw TurboJpeg.failure(api, handle, "decode");
        }
        pixels.read(0, target, 0, target.length);
        return image;
    }

    /** The planes of a 4:2:0 or grey JPEG stream; null for any other subsampling. */
    Planes decodePlanes(byte[] jpeg) throws IOException {
        Header header = header(jpeg);
        int w = header.width();
        int h = header.height();
        boolean grey = header.subsampling() == SAMP_GRAY;
        if (!grey && header.subsampling() != SAMP_420) {
            return null;
        }
        int cw = (w + 1) / 2;
        int ch = (h + 1) / 2;
        long lumaBytes = (long) w * h;
        long chromaBytes = grey ? 0 : (long) cw * ch;
        pixels = atLeast(pixels, lumaBytes + 2 * chromaBytes);
        Pointer[] planes = grey ? new Pointer[] {pixels}
                : new Pointer[] {pixels, pixels.share(lumaBytes), pixels.share(lumaBytes + chromaBytes)};
        int[] strides = grey ? new int[] {w} : new int[] {w, cw, cw};
        if (api.tjDecompressToYUVPlanes(handle, jpeg, header.size(), planes, w, strides, h, 0) != 0) {
            throw TurboJpeg.failure(api, handle, "decode");
        }
        byte[] luma = pixels.getByteArray(0, (int) lumaBytes);
        if (grey) {
            return new Planes(w, h, luma, null, null);
        }
        return new Planes(w, h, luma, pixels.getByteArray(lumaBytes, (int) chromaBytes),
                pixels.getByteArray(lumaBytes + chromaBytes, (int) chromaBytes));
    }

    /**
     * A master JPEG stream decoded to 4:2:0 (or grey) planes in native memory, which the caller
     * closes: chroma stored at 4:4:4, 4:2:2 or 4:4:0 is reduced to 4:2:0 by averaging, as the
     * encoder would reduce it. Null when the stream is neither YCbCr in one of those
     * subsamplings nor grey (CMYK, RGB without a transform, 4:1:1): ImageIO decodes those.
     */
    NativePlanes decodeMaster(byte[] jpeg) throws IOException {
        Header header = header(jpeg);
        int w = header.width();
        int h = header.height();
        int subsampling = header.subsampling();
        boolean grey = header.colourspace() == CS_GRAY && subsampling == SAMP_GRAY;
        boolean colour = header.colourspace() == CS_YCBCR
                && (subsampling == SAMP_420 || subsampling == SAMP_444 || subsampling == SAMP_422 || subsampling == SAMP_440);
        if (!grey && !colour) {
            return null;
        }
        NativePlanes planes = NativePlanes.allocate(w, h, grey);
        try {
            if (grey || subsampling == SAMP_420) {
                decodePlanes(jpeg, header, planes.planes(), planes.strides());
                return planes;
            }
            // the chroma as stored, in a buffer of its own, then averaged into the planes
            boolean across = subsampling != SAMP_422;
            boolean down = subsampling != SAMP_440;
            int cw = across ? w : planes.chromaWidth();
            int ch = down ? h : planes.chromaHeight();
            long chroma = (long) cw * ch;
            try (Memory stored = new Memory(2 * chroma)) {
                Pointer[] target = planes.planes();
                decodePlanes(jpeg, header, new Pointer[] {target[0], stored, stored.share(chroma)},
                        new int[] {w, cw, cw});
                NativePlanes.shrink(stored, cw, ch, target[1], across, down);
                NativePlanes.shrink(stored.share(chroma), cw, ch, target[2], across, down);
            }
            return planes;
        } catch (IOException | RuntimeException e) {
            planes.close();
            throw e;
        }
    }

    private void decodePlanes(byte[] jpeg, Header header, Pointer[] planes, int[] strides) throws IOException {
        if (api.tjDecompressToYUVPlanes(handle, jpeg, header.size(), planes, header.width(), strides, header.height(),
                0) != 0) {
            throw TurboJpeg.failure(api, handle, "decode");
        }
    }

    /** 4:2:0 or grey planes as an 8-bit BGR or grey image, colour converted as a decoder converts it. */
    BufferedImage image(NativePlanes planes) throws IOException {
        int w = planes.width();
        int h = planes.height();
        BufferedImage image = new BufferedImage(w, h,
                planes.grey() ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        if (planes.grey()) {
            planes.planes()[0].read(0, target, 0, target.length);
            return image;
        }
        pixels = atLeast(pixels, target.length);
        if (api.tjDecodeYUVPlanes(handle, planes.planes(), planes.strides(), SAMP_420, pixels, w, w * 3, h, PF_BGR,
                0) != 0) {
            throw TurboJpeg.failure(api, handle, "convert planes to pixels");
        }
        pixels.read(0, target, 0, target.length);
        return image;
    }

    /** Frees a large buffer, so that an idle decoder holds little. */
    void trim() {
        pixels = TurboJpeg.keptOrFreed(pixels);
    }

    @Override
    public void close() {
        api.tjDestroy(handle);
        TurboJpeg.free(pixels);
    }
}
