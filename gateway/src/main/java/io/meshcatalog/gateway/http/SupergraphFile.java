package io.meshcatalog.gateway.http;

import io.meshcatalog.gateway.background.Repeating;
import io.meshcatalog.gateway.supergraph.Supergraph;
import io.meshcatalog.gateway.supergraph.SupergraphException;
import io.meshcatalog.gateway.supergraph.SupergraphParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code --supergraph=<file>} source: read once at start-up (a bad file stops start-up), then
 * polled; a changed file that parses replaces the served supergraph, a bad one is logged and the
 * old one keeps serving.
 */
public final class SupergraphFile implements SupergraphSource {

    private static final Logger LOG = LoggerFactory.getLogger(SupergraphFile.class);

    private final Path path;
    private final SupergraphParser parser = new SupergraphParser();
    private @Nullable ScheduledExecutorService poller;
    private @Nullable FileTime lastModified;
    private @Nullable String lastContent;

    public SupergraphFile(Path path) {
        this.path = path;
    }

    /** Reads and parses the file, naming it in any error; uses the read started at launch if any. */
    @Override
    public Supergraph load() {
        Read read = EarlySupergraph.take(path);
        if (read == null) {
            read = read(path);
        }
        lastModified = read.modified();
        lastContent = read.content();
        return read.supergraph();
    }

    /** One read of a supergraph file: what was read, when it was modified, what it parsed into. */
    record Read(FileTime modified, String content, Supergraph supergraph) {}

    static Read read(Path path) {
        FileTime modified;
        String content;
        try {
            modified = Files.getLastModifiedTime(path);
            content = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read supergraph file " + path + ": " + e.getMessage(), e);
        }
        try {
            return new Read(modified, content, new SupergraphParser().parse(content));
        } catch (SupergraphException e) {
            throw new SupergraphException(path + ": " + e.getMessage(), e);
        }
    }

    /** Polls the file and hands each good new version to {@code served}. */
    @Override
    public void watch(Served served, Duration every) {
        poller = Repeating.every("supergraph-reload", every, () -> reloadIfChanged(served));
    }

    void reloadIfChanged(Served served) {
        try {
            FileTime modified = Files.getLastModifiedTime(path);
            if (modified.equals(lastModified)) {
                return;
            }
            lastModified = modified;
            String content = Files.readString(path, StandardCharsets.UTF_8);
            if (content.equals(lastContent)) {
                return;
            }
            lastContent = content;
            served.serve(parser.parse(content), content);
            LOG.info("Serving the changed supergraph from {}", path);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Keeping the current supergraph: the changed {} is not usable: {}", path, e.getMessage());
        }
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
