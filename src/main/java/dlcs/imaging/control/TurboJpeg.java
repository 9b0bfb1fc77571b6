package dlcs.imaging.control;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Logger;

/**
 * libjpeg-turbo's SIMD JPEG codec (its TurboJPEG API, through JNA), used for tiles, thumbnails
 * and responses when the system has it (Debian: {@code libturbojpeg0}); the ImageIO JPEG writer
 * and reader otherwise. {@code dlcs.image.jpeg-codec} (system property, or the environment
 * variable {@code DLCS_IMAGE_JPEG_CODEC}) chooses: {@code auto} (the default), {@code imageio}
 * or {@code turbojpeg} (required: the server does not start without it). Both write baseline
 * JFIF, colour as YCbCr 4:2:0, so their tiles are interchangeable.
 */
final class TurboJpeg {

    private static final Logger LOG = Logger.getLogger(TurboJpeg.class.getName());
    private static final int PF_BGR = 1;
    private static final int PF_GRAY = 6;
    private static final int SAMP_420 = 2;
    private static final int SAMP_GRAY = 3;
    private static final int CS_GRAY = 2;
    private static final int FLAG_NOREALLOC = 1024;
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

        String tjGetErrorStr2(Pointer handle);
    }

    /** Native buffers a pooled instance keeps between calls: enough for tiles and small renders. */
    private static final long KEPT_BYTES = 4 * 1024 * 1024;
    private final Api api;
    private final ConcurrentLinkedQueue<Compressor> compressors = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Decompressor> decompressors = new ConcurrentLinkedQueue<>();

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

    /** A native buffer of at least {@code size} bytes: {@code current} if it is large enough. */
    private static Memory atLeast(Memory current, long size) {
        if (current != null && current.size() >= size) {
            return current;
        }
        if (current != null) {
            current.close();
        }
        return new Memory(Math.max(size, 1));
    }

    /**
     * An encoder and its native buffers, for one thread at a time: the pixels of a band or an
     * image are copied to native memory once, then encoded piece by piece.
     */
    final class Compressor implements AutoCloseable {
        private final Pointer handle;
        private Memory pixels;
        private Memory jpeg;
        private BufferedImage loaded;
        private int stride;
        private int bands;

        private Compressor(Pointer handle) {
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
            PointerByReference out = new PointerByReference(jpeg);
            NativeLongByReference size = new NativeLongByReference(new NativeLong(jpeg.size()));
            int status = api.tjCompress2(handle, pixels.share((long) x * bands), width, stride, height,
                    grey ? PF_GRAY : PF_BGR, out, size, subsampling,
                    Math.max(1, Math.min(100, Math.round(quality * 100))), FLAG_NOREALLOC);
            if (status != 0) {
                throw new IOException("libjpeg-turbo could not encode: " + api.tjGetErrorStr2(handle));
            }
            return jpeg.getByteArray(0, (int) size.getValue().longValue());
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
            Pointer[] sources;
            int[] strides;
            int subsampling;
            if (planes.grey()) {
                sources = new Pointer[] {pixels};
                strides = new int[] {w};
                subsampling = SAMP_GRAY;
            } else {
                pixels.write(lumaBytes, planes.blue(), 0, (int) chromaBytes);
                pixels.write(lumaBytes + chromaBytes, planes.red(), 0, (int) chromaBytes);
                sources = new Pointer[] {pixels, pixels.share(lumaBytes), pixels.share(lumaBytes + chromaBytes)};
                strides = new int[] {w, planes.chromaWidth(), planes.chromaWidth()};
                subsampling = SAMP_420;
            }
            jpeg = atLeast(jpeg, api.tjBufSize(w, h, subsampling).longValue());
            PointerByReference target = new PointerByReference(jpeg);
            NativeLongByReference size = new NativeLongByReference(new NativeLong(jpeg.size()));
            if (api.tjCompressFromYUVPlanes(handle, sources, w, strides, h, subsampling, target, size,
                    Math.max(1, Math.min(100, Math.round(quality * 100))), FLAG_NOREALLOC) != 0) {
                throw new IOException("libjpeg-turbo could not encode: " + api.tjGetErrorStr2(handle));
            }
            return jpeg.getByteArray(0, (int) size.getValue().longValue());
        }

        /** Back to the pool, keeping small buffers; large ones are freed. */
        void release() {
            loaded = null;
            if (pixels != null && pixels.size() > KEPT_BYTES) {
                pixels.close();
                pixels = null;
            }
            if (jpeg != null && jpeg.size() > KEPT_BYTES) {
                jpeg.close();
                jpeg = null;
            }
            if (compressors.size() < 64) {
                compressors.offer(this);
            } else {
                close();
            }
        }

        @Override
        public void close() {
            api.tjDestroy(handle);
            if (pixels != null) {
                pixels.close();
            }
            if (jpeg != null) {
                jpeg.close();
            }
        }
    }

    /** A new encoder, owned by the caller until {@link Compressor#close}. */
    Compressor compressor() throws IOException {
        return new Compressor(checked(api.tjInitCompress()));
    }

    /** Encodes a whole image (8-bit BGR or grey) with a pooled encoder. */
    byte[] encode(BufferedImage image, float quality) throws IOException {
        return encoding(compressor -> compressor.encode(image, quality));
    }

    /** Encodes planes (4:2:0, or grey) with a pooled encoder. */
    byte[] encode(Planes planes, float quality) throws IOException {
        return encoding(compressor -> compressor.encode(planes, quality));
    }

    /** Work for a pooled codec instance; on failure the instance is dropped, not pooled. */
    private interface Work<C, T> {
        T apply(C codec) throws IOException;
    }

    private <T> T encoding(Work<Compressor, T> work) throws IOException {
        Compressor compressor = compressors.poll();
        if (compressor == null) {
            compressor = compressor();
        }
        try {
            T result = work.apply(compressor);
            compressor.release();
            return result;
        } catch (IOException | RuntimeException e) {
            compressor.close();
            throw e;
        }
    }

    private <T> T decoding(Work<Decompressor, T> work) throws IOException {
        Decompressor decompressor = decompressors.poll();
        if (decompressor == null) {
            decompressor = new Decompressor(checked(api.tjInitDecompress()));
        }
        try {
            T result = work.apply(decompressor);
            decompressor.release();
            return result;
        } catch (IOException | RuntimeException e) {
            decompressor.close();
            throw e;
        }
    }

    /** A decoder and the native buffer it decodes into, pooled. */
    private final class Decompressor {
        private final Pointer handle;
        private Memory pixels;

        private Decompressor(Pointer handle) {
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
                throw new IOException("libjpeg-turbo could not read the JPEG header: " + api.tjGetErrorStr2(handle));
            }
            return new Header(size, width.getValue(), height.getValue(), subsampling.getValue(), colourspace.getValue());
        }

        BufferedImage decode(byte[] jpeg) throws IOException {
            Header header = header(jpeg);
            NativeLong size = header.size();
            boolean grey = header.colourspace() == CS_GRAY;
            BufferedImage image = new BufferedImage(header.width(), header.height(),
                    grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
            byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            pixels = atLeast(pixels, target.length);
            int pitch = header.width() * (grey ? 1 : 3);
            if (api.tjDecompress2(handle, jpeg, size, pixels, header.width(), pitch, header.height(),
                    grey ? PF_GRAY : PF_BGR, 0) != 0) {
                throw new IOException("libjpeg-turbo could not decode: " + api.tjGetErrorStr2(handle));
            }
            pixels.read(0, target, 0, target.length);
            return image;
        }

        /** The planes of a 4:2:0 or grey JPEG; null for any other subsampling. */
        Planes decodePlanes(byte[] jpeg) throws IOException {
            Header header = header(jpeg);
            NativeLong size = header.size();
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
            if (api.tjDecompressToYUVPlanes(handle, jpeg, size, planes, w, strides, h, 0) != 0) {
                throw new IOException("libjpeg-turbo could not decode: " + api.tjGetErrorStr2(handle));
            }
            byte[] luma = pixels.getByteArray(0, (int) lumaBytes);
            if (grey) {
                return new Planes(w, h, luma, null, null);
            }
            return new Planes(w, h, luma, pixels.getByteArray(lumaBytes, (int) chromaBytes),
                    pixels.getByteArray(lumaBytes + chromaBytes, (int) chromaBytes));
        }

        void release() {
            if (pixels != null && pixels.size() > KEPT_BYTES) {
                pixels.close();
                pixels = null;
            }
            if (decompressors.size() < 64) {
                decompressors.offer(this);
            } else {
                close();
            }
        }

        void close() {
            api.tjDestroy(handle);
            if (pixels != null) {
                pixels.close();
            }
        }
    }

    /** Decodes a JPEG stream to 8-bit BGR, or grey when it is grey. Any warning (damage) is an error. */
    BufferedImage decode(byte[] jpeg) throws IOException {
        return decoding(decompressor -> decompressor.decode(jpeg));
    }

    /** The planes of a 4:2:0 or grey JPEG stream; null when it is subsampled otherwise. */
    Planes decodePlanes(byte[] jpeg) throws IOException {
        return decoding(decompressor -> decompressor.decodePlanes(jpeg));
    }

    private static Pointer checked(Pointer handle) throws IOException {
        if (handle == null) {
            throw new IOException("libjpeg-turbo could not make a codec instance");
        }
        return handle;
    }
}
