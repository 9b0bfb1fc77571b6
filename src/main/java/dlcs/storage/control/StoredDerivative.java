package dlcs.storage.control;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.Map;

/**
 * The files of one stored version, listed once when it is opened, read by byte range: a tile
 * of the pyramid is one range, a thumbnail one whole file. Ranges outside a file are refused
 * before anything is read, so a damaged index cannot make a store allocate or fetch much.
 */
public final class StoredDerivative {

    /** Reads {@code length} bytes of a file of the version from {@code offset}; the caller has checked the range. */
    @FunctionalInterface
    interface Ranges {
        byte[] read(String name, long offset, int length) throws IOException;
    }

    private final DerivativeLocation location;
    private final Map<String, Long> files;
    private final Ranges ranges;

    StoredDerivative(DerivativeLocation location, Map<String, Long> files, Ranges ranges) {
        this.location = location;
        this.files = Map.copyOf(files);
        this.ranges = ranges;
    }

    public DerivativeLocation location() {
        return location;
    }

    /** Every file of the version by name, with its size in bytes. */
    public Map<String, Long> files() {
        return files;
    }

    /** The size of a file; {@link NoSuchFileException} if the version has no such file. */
    public long size(String name) throws NoSuchFileException {
        Long size = files.get(name);
        if (size == null) {
            throw new NoSuchFileException(location.path() + "/" + name);
        }
        return size;
    }

    /** {@code length} bytes of {@code name} from {@code offset}, which must lie inside the file. */
    public byte[] read(String name, long offset, int length) throws IOException {
        long size = size(name);
        if (offset < 0 || length < 0 || offset > size - length) {
            throw new IOException("Bytes " + offset + "+" + length + " lie outside " + location.path() + "/" + name
                    + " (" + size + " bytes)");
        }
        return length == 0 ? new byte[0] : ranges.read(name, offset, length);
    }

    /** A whole file, at most {@code maxBytes} long. */
    public byte[] readAll(String name, int maxBytes) throws IOException {
        long size = size(name);
        if (size > maxBytes) {
            throw new IOException(location.path() + "/" + name + " is " + size + " bytes, more than " + maxBytes);
        }
        return read(name, 0, (int) size);
    }
}
