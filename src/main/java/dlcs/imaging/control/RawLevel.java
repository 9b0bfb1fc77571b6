package dlcs.imaging.control;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One pyramid level as uncompressed rows in a scratch file: appended band by band while the
 * level above is written, then read back band by band to write this level. Keeps large
 * reduced levels on disk rather than on the heap.
 */
final class RawLevel implements BandSource {

    private final Path file;
    private final int width;
    private final int type;
    private final int bytesPerRow;
    private final FileChannel channel;
    private int height;

    RawLevel(Path file, int width, int type) throws IOException {
        this.file = file;
        this.width = width;
        this.type = type;
        this.bytesPerRow = width * (type == BufferedImage.TYPE_BYTE_GRAY ? 1 : 3);
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
    }

    /** Appends rows (a band of this level's width and type). */
    void append(BufferedImage rows) throws IOException {
        Rasters.Bytes data = Rasters.bytes(rows);
        long position = (long) height * bytesPerRow;
        for (int row = 0; row < rows.getHeight(); row++) {
            ByteBuffer buffer = ByteBuffer.wrap(data.data(), data.offset() + row * data.stride(), bytesPerRow);
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
        }
        height += rows.getHeight();
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int type() {
        return type;
    }

    @Override
    public BufferedImage band(int y, int rows) throws IOException {
        BufferedImage band = new BufferedImage(width, rows, type);
        byte[] data = ((DataBufferByte) band.getRaster().getDataBuffer()).getData();
        ByteBuffer buffer = ByteBuffer.wrap(data);
        long position = (long) y * bytesPerRow;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position);
            if (read < 0) {
                throw new IOException("Scratch level " + file + " ends early");
            }
            position += read;
        }
        return band;
    }

    @Override
    public void close() throws IOException {
        channel.close();
        Files.deleteIfExists(file);
    }
}
