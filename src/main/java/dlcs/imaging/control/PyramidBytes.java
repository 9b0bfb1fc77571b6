package dlcs.imaging.control;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A stored pyramid file, read by byte range: a local file, or an object in a store that the
 * caller adapts. {@code id} names it uniquely for as long as it exists (a derivative version
 * never changes), so decoded tiles are cached under it. The arrays {@code ranges} returns may be
 * shared with a cache: they are never written to.
 */
public record PyramidBytes(String id, long size, Ranges ranges) {

    /** Reads {@code length} bytes from {@code position}, which lie inside the file. */
    @FunctionalInterface
    public interface Ranges {
        byte[] read(long position, int length) throws IOException;
    }

    /** A pyramid in a local file. */
    public static PyramidBytes of(Path file) throws IOException {
        return new PyramidBytes(file.toString(), Files.size(file), (position, length) -> {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer buffer = ByteBuffer.allocate(length);
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, position + buffer.position()) < 0) {
                        throw new IOException("The pyramid file ends early");
                    }
                }
                return buffer.array();
            }
        });
    }

    /** {@code length} bytes from {@code position}; an {@link IOException} if they are not all inside the file. */
    byte[] read(long position, int length) throws IOException {
        if (position < 0 || length < 0 || position > size - length) {
            throw new IOException("The pyramid file ends early: " + length + " bytes at " + position + " of " + size);
        }
        return ranges.read(position, length);
    }
}
