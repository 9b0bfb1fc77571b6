package dlcs.it;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** Ending a server started through a shell script: the script and the JVM it started, together. */
final class ProcessTrees {

    private ProcessTrees() {
    }

    /**
     * Signals {@code process} and its descendants, SIGKILL if {@code force} else SIGTERM, and waits
     * for them to exit; one still running after {@code waitSeconds} is killed.
     */
    static void end(Process process, boolean force, int waitSeconds) throws InterruptedException {
        List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        for (ProcessHandle handle : tree) {
            if (force) {
                handle.destroyForcibly();
            } else {
                handle.destroy();
            }
        }
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(waitSeconds, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                handle.destroyForcibly();
            }
        }
    }
}
