package io.meshcatalog.gateway.http;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Start-up time matters (conformance harnesses restart the gateway per suite): the supergraph file
 * named by {@code --supergraph} is read and parsed on a second core while Spring starts, and handed
 * to {@link SupergraphFile} once. Deliberately the only static state in the gateway; a read for
 * another path, or a second take, falls back to reading the file normally.
 */
public final class EarlySupergraph {

    private static volatile @Nullable Early early;

    private EarlySupergraph() {}

    private record Early(Path path, CompletableFuture<SupergraphFile.Read> read) {}

    /** Starts reading {@code --supergraph=<file>} if the arguments name one. */
    public static void start(String[] args) {
        // SLF4J initialises here, on the caller's thread: when two threads initialise it at once (the reader's first
        // logger and one on the main thread), it holds back their calls and prints a replay warning on stderr.
        LoggerFactory.getILoggerFactory();
        for (String arg : args) {
            if (arg.startsWith("--supergraph=")) {
                Path path = Path.of(arg.substring("--supergraph=".length()))
                        .toAbsolutePath()
                        .normalize();
                CompletableFuture<SupergraphFile.Read> read = new CompletableFuture<>();
                Thread thread = new Thread(
                        () -> {
                            try {
                                read.complete(SupergraphFile.read(path));
                            } catch (RuntimeException e) {
                                read.completeExceptionally(e);
                            }
                        },
                        "supergraph-early-read");
                thread.setDaemon(true);
                thread.start();
                early = new Early(path, read);
            }
        }
    }

    /** The early read of this file, once; null when there is none for it. Rethrows its failure. */
    static SupergraphFile.@Nullable Read take(Path path) {
        Early taken = early;
        early = null;
        if (taken == null || !taken.path().equals(path.toAbsolutePath().normalize())) {
            return null;
        }
        try {
            return taken.read().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
