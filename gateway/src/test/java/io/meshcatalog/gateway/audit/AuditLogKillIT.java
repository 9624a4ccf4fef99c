package io.meshcatalog.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM appending from 16 threads is killed with SIGKILL (no shutdown hook, no close): every event it acknowledged
 * is in the log, the chain verifies, and the next start continues it (cutting a torn last line if the kill left one).
 */
class AuditLogKillIT {

    /** Small files, so the kill may land on a rotation as well as in a write. */
    private static final long FILE_BYTES = 64 * 1024;

    private static final int ACKS_BEFORE_KILL = 3000;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedEventSurvivesSigkillAndTheChainVerifies() throws Exception {
        Path audit = dir.resolve("audit");
        Process child = new ProcessBuilder(
                        java(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        AuditAppender.class.getName(),
                        audit.toString(),
                        Long.toString(FILE_BYTES))
                .redirectError(dir.resolve("child.err").toFile())
                .start();
        Set<Long> acknowledged = new HashSet<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ack ")) {
                    acknowledged.add(Long.parseLong(line.substring(4)));
                    if (acknowledged.size() == ACKS_BEFORE_KILL) {
                        // SIGKILL mid-append (16 threads are writing); through the handle, since
                        // Process.destroyForcibly also
                        // closes our end of its output, and the acks already in the pipe are read on
                        child.toHandle().destroyForcibly();
                    }
                }
            }
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(acknowledged).as("acknowledged before the kill").hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);

        AuditVerifier.Verification afterKill = AuditVerifier.verify(audit, null);
        assertThat(afterKill).as("the chain as the kill left it").isInstanceOf(AuditVerifier.Intact.class);
        assertThat(AuditFiles.list(audit)).as("files rotated while appending").hasSizeGreaterThan(1);

        long head;
        try (FileAuditLog restarted = FileAuditLog.open(new AuditSettings(audit, FILE_BYTES, 64))) {
            head = restarted.head().seq();
            restarted.append(AuditFixtures.event(1)).join();
        }
        AuditVerifier.Verification afterRestart = AuditVerifier.verify(audit, null);
        assertThat(afterRestart).isInstanceOf(AuditVerifier.Intact.class);
        assertThat(((AuditVerifier.Intact) afterRestart).events()).isEqualTo(head + 1);
        assertThat(((AuditVerifier.Intact) afterRestart).note()).isNull();

        Set<Long> logged = new HashSet<>();
        AuditFixtures.readAll(new AuditReader(audit, () -> head), "appender")
                .forEach(record -> logged.add((Long) record.event().details().get("n")));
        assertThat(logged).as("every acknowledged event is in the log").containsAll(acknowledged);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", File.separatorChar == '\\' ? "java.exe" : "java")
                .toString();
    }
}
