package io.meshcatalog.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.gateway.audit.AuditEvent;
import io.meshcatalog.gateway.audit.AuditKind;
import io.meshcatalog.gateway.audit.AuditSettings;
import io.meshcatalog.gateway.audit.FileAuditLog;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar gateway.jar --verify-audit} as an operator runs it: what it prints and its exit status. */
class VerifyAuditIT {

    private static final Path GATEWAY_JAR = Path.of("target", "gateway.jar");

    @TempDir
    Path dir;

    @Test
    void anIntactLogPrintsWhatToRecordAndExitsZero() throws Exception {
        Path audit = dir.resolve("audit");
        String head = write(audit, 30);

        Run run = verifyAudit("--verify-audit=" + audit, "--expect-head=" + head);

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output())
                .contains(
                        "Audit log intact: " + audit.toAbsolutePath(),
                        "files:  1 (audit-000001.jsonl to audit-000001.jsonl)",
                        "events: 30",
                        "first:  2026-12-03T10:00:01Z",
                        "last:   2026-12-03T10:00:30Z",
                        "head:   " + head,
                        "expected head found at seq 30; 0 events follow it");
    }

    @Test
    void theDirectoryComesFromAuditDirWhenNotGiven() throws Exception {
        Path audit = dir.resolve("elsewhere");
        write(audit, 3);

        Run run = verifyAudit("--verify-audit", "--audit.dir=" + audit);

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output()).contains("Audit log intact: " + audit.toAbsolutePath(), "events: 3");
    }

    @Test
    void anEditedLineIsNamedAndExitsOne() throws Exception {
        Path audit = dir.resolve("audit");
        write(audit, 30);
        Path file = audit.resolve("audit-000001.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(6, lines.get(6).replace("\"outcome\":\"DENIED\"", "\"outcome\":\"SUCCESS\""));
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);

        Run run = verifyAudit("--verify-audit=" + audit);

        assertThat(run.status()).as(run.output()).isEqualTo(1);
        assertThat(run.output())
                .contains(
                        "Audit log BROKEN: " + audit.toAbsolutePath(),
                        "audit-000001.jsonl line 7: edited: the line's hash does not match its content");
    }

    @Test
    void aHeadThatIsNoLongerInTheLogExitsOne() throws Exception {
        Path audit = dir.resolve("audit");
        write(audit, 5);

        Run run = verifyAudit("--verify-audit=" + audit, "--expect-head=" + "ab".repeat(32));

        assertThat(run.status()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("the expected head " + "ab".repeat(32) + " is not in the log");
    }

    /** Writes {@code count} access refusals; answers the head. */
    private static String write(Path audit, int count) {
        try (FileAuditLog log = FileAuditLog.open(AuditSettings.in(audit))) {
            List<CompletableFuture<Void>> acks = new ArrayList<>();
            for (int n = 1; n <= count; n++) {
                acks.add(log.append(new AuditEvent(
                        Instant.parse("2026-12-03T10:00:00Z").plusSeconds(n),
                        AuditKind.ACCESS_DENIED,
                        "user" + n,
                        "192.0.2." + n,
                        "orders.orders",
                        AuditEvent.DENIED,
                        Map.of("reason", "private product"))));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
            return log.head().hash();
        }
    }

    private record Run(int status, String output) {}

    private Run verifyAudit(String... args) throws IOException, InterruptedException {
        assertThat(GATEWAY_JAR)
                .as("the gateway jar, built by `package` before the integration tests")
                .isRegularFile();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", File.separatorChar == '\\' ? "java.exe" : "java")
                        .toString(),
                "-jar",
                GATEWAY_JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path output = dir.resolve("output.txt");
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("--verify-audit ends")
                .isTrue();
        return new Run(process.exitValue(), Files.readString(output));
    }
}
