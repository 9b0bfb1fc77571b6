package dlcs.imaging.control;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.io.IOException;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * libjpeg-turbo's SIMD JPEG codec, its TurboJPEG API bound through JNA, when the system has it
 * (Debian: {@code libturbojpeg0}); {@link JpegEncoder}, {@link JpegTiles} and {@link JpegDecoder}
 * use it instead of the ImageIO JPEG writer and reader, and fall back to those without it.
 * {@code dlcs.image.jpeg-codec} (system property, or the environment variable
 * {@code DLCS_IMAGE_JPEG_CODEC}) chooses: {@code auto} (the default), {@code imageio} or
 * {@code turbojpeg} (required: the server does not start without it). Both write baseline
 * JFIF, colour as YCbCr 4:2:0, so their tiles are interchangeable.
 */
final class TurboJpeg {

    private static final Logger LOG = Logger.getLogger(TurboJpeg.class.getName());
    static final int PF_BGR = 1;
    static final int PF_GRAY = 6;
    static final int SAMP_444 = 0;
    static final int SAMP_422 = 1;
    static final int SAMP_420 = 2;
    static final int SAMP_GRAY = 3;
    static final int SAMP_440 = 4;
    static final int CS_YCBCR = 1;
    static final int CS_GRAY = 2;
    static final int FLAG_NOREALLOC = 1024;
    /** Native buffers a pooled instance keeps between calls: enough for tiles and small renders. */
    static final long KEPT_BYTES = 4 * 1024 * 1024;
    private static final TurboJpeg INSTANCE = load();

    /** The functions used, as libturbojpeg 2.x declares them. */
    interface Api extends Library {
        Pointer tjInitCompress();

        Pointer tjInitDecompress();

        int tjDestroy(Pointer handle);

        NativeLong tjBufSize(int width, int height, int subsampling);

        int tjCompress2(Pointer handle, Pointer source, int width, int pitch, int height, int pixelFormat,
                        PointerByReference jpeg, NativeLongByReference jpegSize, int subsampling, int quality,
                        int flags);

        int tjDecompressHeader3(Pointer handle, byte[] jpeg, NativeLong jpegSize, IntByReference width,
                                IntByReference height, IntByReference subsampling, IntByReference colourspace);

        int tjDecompress2(Pointer handle, byte[] jpeg, NativeLong jpegSize, Pointer target, int width, int pitch,
                          int height, int pixelFormat, int flags);

        int tjDecompressToYUVPlanes(Pointer handle, byte[] jpeg, NativeLong jpegSize, Pointer[] planes, int width,
                                    int[] strides, int height, int flags);

        int tjCompressFromYUVPlanes(Pointer handle, Pointer[] planes, int width, int[] strides, int height,
                                    int subsampling, PointerByReference jpeg, NativeLongByReference jpegSize,
                                    int quality, int flags);

        int tjDecodeYUVPlanes(Pointer handle, Pointer[] planes, int[] strides, int subsampling, Pointer target,
                              int width, int pitch, int height, int pixelFormat, int flags);

        String tjGetErrorStr2(Pointer handle);
    }

    private final Api api;

    private TurboJpeg(Api api) {
        this.api = api;
    }

    /** The codec, or {@code null} when ImageIO is to be used. */
    static TurboJpeg get() {
        return INSTANCE;
    }

    private static TurboJpeg load() {
        String choice = System.getProperty("dlcs.image.jpeg-codec",
                System.getenv().getOrDefault("DLCS_IMAGE_JPEG_CODEC", "auto")).trim().toLowerCase(Locale.ROOT);
        if (choice.equals("imageio")) {
            LOG.info("JPEG codec: the ImageIO JPEG writer and reader (dlcs.image.jpeg-codec=imageio)");
            return null;
        }
        Throwable failure = null;
        for (String name : new String[] {"turbojpeg", "libturbojpeg.so.0"}) {
            try {
                TurboJpeg codec = new TurboJpeg(Native.load(name, Api.class));
                codec.compressor().close();
                LOG.info("JPEG codec: libjpeg-turbo (" + name + ")");
                return codec;
            } catch (UnsatisfiedLinkError | IOException | RuntimeException e) {
                failure = e;
            }
        }
        if (choice.equals("turbojpeg")) {
            throw new IllegalStateException("dlcs.image.jpeg-codec=turbojpeg, but libturbojpeg cannot be loaded"
                    + " (install it: apt-get install libturbojpeg0)", failure);
        }
        LOG.info("JPEG codec: the ImageIO JPEG writer and reader (libturbojpeg not found; apt-get install"
                + " libturbojpeg0 makes JPEG work several times faster)");
        return null;
    }

    /** A new encoder, owned by the caller until {@link TurboCompressor#close}. */
    TurboCompressor compressor() throws IOException {
        return new TurboCompressor(api, checked(api.tjInitCompress()));
    }

    /** A new decoder, owned by the caller until {@link TurboDecompressor#close}. */
    TurboDecompressor decompressor() throws IOException {
        return new TurboDecompressor(api, checked(api.tjInitDecompress()));
    }

    /** A native buffer of at least {@code size} bytes: {@code current} if it is large enough. */
    static Memory atLeast(Memory current, long size) {
        if (current != null && current.size() >= size) {
            return current;
        }
        free(current);
        return new Memory(Math.max(size, 1));
    }

    /** {@code buffer} if it is small enough to keep between calls; else it is freed and null returned. */
    static Memory keptOrFreed(Memory buffer) {
        if (buffer != null && buffer.size() > KEPT_BYTES) {
            buffer.close();
            return null;
        }
        return buffer;
    }

    static void free(Memory buffer) {
        if (buffer != null) {
            buffer.close();
        }
    }

    /** The failure of the last call on {@code handle}, as an exception saying what could not be done. */
    static IOException failure(Api api, Pointer handle, String what) {
        return new IOException("libjpeg-turbo could not " + what + ": " + api.tjGetErrorStr2(handle));
    }

    private static Pointer checked(Pointer handle) throws IOException {
        if (handle == null) {
            throw new IOException("libjpeg-turbo could not make a codec instance");
        }
        return handle;
    }
}
