package io.meshcatalog.subgraphs.mesh;

import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --exit-with-parent}: for a process started by another one (the gateway's {@code --demo})
 * that holds a pipe to its standard input. When that parent ends, however it ends (SIGKILL
 * included), the operating system closes the pipe, standard input reaches its end, and this
 * process exits instead of holding its ports as an orphan. Off by default: a subgraph started from
 * a shell, by systemd or in a container may well have no standard input.
 */
final class ParentWatch {

    static final String ARGUMENT = "--exit-with-parent";

    private static final Logger LOG = LoggerFactory.getLogger(ParentWatch.class);

    private ParentWatch() {}

    static boolean requested(String... args) {
        for (String arg : args) {
            if (arg.equals(ARGUMENT)) {
                return true;
            }
        }
        return false;
    }

    /** Watches {@code in} on a daemon thread and exits the JVM (shutdown hooks run) when it ends. */
    static void start(InputStream in) {
        Thread watch = new Thread(
                () -> {
                    try {
                        byte[] buffer = new byte[256];
                        while (in.read(buffer) != -1) {
                            // the parent writes nothing; anything it does write is ignored
                        }
                    } catch (IOException e) {
                        LOG.warn("Standard input failed ({}): taking it as the parent's end", e.getMessage());
                    }
                    LOG.info("Standard input closed: the parent process ended, stopping the domain subgraphs");
                    System.exit(0);
                },
                "parent-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
