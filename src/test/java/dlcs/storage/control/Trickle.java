package dlcs.storage.control;

import java.io.IOException;
import java.io.InputStream;

/** A sender that never ends and sends one byte at a time, a pause before each: the slowest honest upload. */
public final class Trickle extends InputStream {

    private final long pauseMillis;

    public Trickle(long pauseMillis) {
        this.pauseMillis = pauseMillis;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        read(one, 0, 1);
        return one[0];
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            Thread.sleep(pauseMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        buffer[offset] = 1;
        return 1;
    }
}
