package dlcs.imaging.control;

import java.io.IOException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Idle codec instances (libjpeg-turbo handles, ImageIO readers) kept for reuse: making one costs
 * more than coding a tile. One that failed is closed rather than kept, as its state is unknown.
 */
final class CodecPool<C> {

    private static final int MAX_IDLE = 64;

    /** Makes a new instance when none is idle. */
    interface Factory<C> {
        C make() throws IOException;
    }

    /**
     * What is done with an instance and an input, on one thread. The input is passed, not
     * captured, so that a method reference serves and no lambda is made per tile.
     */
    interface Work<C, I, T> {
        T apply(C codec, I input) throws IOException;
    }

    private final ConcurrentLinkedQueue<C> idle = new ConcurrentLinkedQueue<>();
    private final Factory<C> factory;
    private final Consumer<C> trim;
    private final Consumer<C> close;

    /** {@code trim} readies an instance to wait idle (lets go of its input, frees large buffers). */
    CodecPool(Factory<C> factory, Consumer<C> trim, Consumer<C> close) {
        this.factory = factory;
        this.trim = trim;
        this.close = close;
    }

    <I, T> T with(Work<C, I, T> work, I input) throws IOException {
        C codec = idle.poll();
        if (codec == null) {
            codec = factory.make();
        }
        try {
            T result = work.apply(codec, input);
            trim.accept(codec);
            if (idle.size() < MAX_IDLE) {
                idle.offer(codec);
            } else {
                close.accept(codec);
            }
            return result;
        } catch (IOException | RuntimeException e) {
            close.accept(codec);
            throw e;
        }
    }
}
