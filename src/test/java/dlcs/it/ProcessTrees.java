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
     * The command that runs the shell script {@code script} with {@code arguments} deaf to SIGINT,
     * so that Ctrl-C in a terminal reaches only the launcher, which then stops each part in its
     * turn with SIGTERM (a node before the broker it would otherwise keep trying to reach). The JVM
     * that the script starts keeps SIGINT ignored.
     */
    static List<String> deafToInterrupt(String script, List<String> arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("sh", "-c", "trap '' INT; exec sh \"$0\" \"$@\"", script));
        command.addAll(arguments);
        return command;
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
