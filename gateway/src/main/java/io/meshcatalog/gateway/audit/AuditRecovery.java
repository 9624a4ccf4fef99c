package io.meshcatalog.gateway.audit;

import io.meshcatalog.gateway.audit.AuditLines.BadLine;
import io.meshcatalog.gateway.audit.AuditLines.Link;
import io.meshcatalog.gateway.audit.ChainCheck.FileResult;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the chain continues when the gateway starts: after the last line of the newest file, once that file's
 * lines verify and its first line continues the file before. A torn last line (the process was killed while
 * writing it, so its event was never acknowledged) is cut off with a warning; anything else that does not verify
 * stops the start, naming the file and line, so a damaged log is never silently continued. Only the newest file is
 * read: {@code --verify-audit} reads them all.
 */
final class AuditRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(AuditRecovery.class);

    /** The file to append to (which may not exist yet), and the last line's number and hash. */
    record Start(Path file, long seq, String hash) {}

    private AuditRecovery() {}

    static Start recover(Path dir, AuditLines codec) throws IOException {
        List<Path> files = AuditFiles.list(dir);
        if (files.isEmpty()) {
            return new Start(dir.resolve(AuditFiles.name(1)), 0, AuditLines.GENESIS);
        }
        Path newest = files.get(files.size() - 1);
        ChainCheck chain =
                files.size() == 1 ? ChainCheck.fromStart(codec) : after(files.get(files.size() - 2), newest, codec);
        FileResult result = chain.check(newest, link -> {});
        if (result.broken() != null) {
            throw broken(dir, result.broken().describe());
        }
        if (result.tail() > 0) {
            LOG.warn(
                    "Audit log: cut off the torn last line of {} at offset {} ({} bytes): the process stopped while "
                            + "writing it, so its event was never acknowledged",
                    newest,
                    result.end(),
                    result.tail());
            try (FileChannel channel = FileChannel.open(newest, StandardOpenOption.WRITE)) {
                channel.truncate(result.end());
                channel.force(true);
            }
        }
        return new Start(newest, chain.seq(), chain.hash());
    }

    /** The chain as the last line of {@code previous} leaves it, for checking {@code newest}. */
    private static ChainCheck after(Path previous, Path newest, AuditLines codec) throws IOException {
        long before = AuditFiles.number(previous).orElseThrow();
        if (AuditFiles.number(newest).orElseThrow() != before + 1) {
            throw broken(
                    previous.getParent(),
                    "missing file: " + AuditFiles.name(before + 1) + " (" + previous.getFileName() + " is followed by "
                            + newest.getFileName() + ")");
        }
        byte[] last;
        try {
            last = AuditFiles.lastLine(previous);
        } catch (IOException e) {
            throw broken(previous.getParent(), e.getMessage());
        }
        if (last == null) {
            throw broken(previous.getParent(), previous.getFileName() + " is empty, and a newer file follows it");
        }
        try {
            Link link = codec.link(last);
            return new ChainCheck(codec, link.seq(), link.hash(), previous);
        } catch (BadLine e) {
            throw broken(previous.getParent(), previous.getFileName() + ", its last line: " + e.getMessage());
        }
    }

    private static IllegalStateException broken(Path dir, String where) {
        return new IllegalStateException("The audit log in " + dir + " cannot be continued: " + where + ". Nothing was "
                + "written to it. Run java -jar gateway.jar --verify-audit=" + dir
                + " to check the whole chain; keep the "
                + "files as evidence, and start with another audit.dir");
    }
}
