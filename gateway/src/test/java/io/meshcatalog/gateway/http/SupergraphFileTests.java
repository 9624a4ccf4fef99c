package io.meshcatalog.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshcatalog.gateway.audit.AuditEvent;
import io.meshcatalog.gateway.audit.AuditKind;
import io.meshcatalog.gateway.audit.AuditRecord;
import io.meshcatalog.gateway.audit.AuditSettings;
import io.meshcatalog.gateway.audit.FileAuditLog;
import io.meshcatalog.gateway.execution.Gateway;
import io.meshcatalog.gateway.execution.PlanExecutor;
import io.meshcatalog.gateway.execution.SubgraphSettings;
import io.meshcatalog.gateway.supergraph.Subgraph;
import io.meshcatalog.gateway.supergraph.SupergraphException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A changed supergraph file is served without a restart; a bad one keeps the old one serving. */
class SupergraphFileTests {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @TempDir
    Path dir;

    @Test
    void changedFileIsServedWithoutRestart() throws IOException {
        Path file = copy("entities");
        SupergraphFile source = new SupergraphFile(file);
        Gateway gateway = gateway(source);
        assertThat(gateway.supergraph().subgraphs()).extracting(Subgraph::name).contains("reviews");
        Files.copy(
                GOLDEN.resolve("shareable/supergraph.graphql"),
                file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        touch(file, 10);
        source.reloadIfChanged((supergraph, sdl) -> gateway.use(supergraph));
        assertThat(gateway.supergraph().subgraphs()).extracting(Subgraph::name).containsExactly("catalog", "pricing");
    }

    @Test
    void aServedChangeIsRecordedInTheAuditLogWithWhatChanged() throws Exception {
        Path file = copy("entities");
        SupergraphFile source = new SupergraphFile(file);
        Gateway gateway = gateway(source);
        Path shareable = GOLDEN.resolve("shareable/supergraph.graphql");
        Files.copy(shareable, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        touch(file, 10);
        Instant at = Instant.parse("2026-12-03T12:00:00Z");
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(shareable)));
        try (FileAuditLog log = FileAuditLog.open(AuditSettings.in(dir.resolve("audit")))) {
            SchemaReloads served = new SchemaReloads(gateway, log, Clock.fixed(at, ZoneOffset.UTC));
            source.reloadIfChanged(served);
            source.reloadIfChanged(served);

            assertThat(gateway.supergraph().subgraphs())
                    .extracting(Subgraph::name)
                    .containsExactly("catalog", "pricing");
            await(log, 1);
            List<AuditRecord> records = log.reader().page(0, Set.of(), null, 10).records();
            assertThat(records).as("one change, one record").hasSize(1);
            assertThat(records.get(0).event())
                    .isEqualTo(new AuditEvent(
                            at,
                            AuditKind.SCHEMA_RELOADED,
                            "gateway",
                            "",
                            "supergraph",
                            AuditEvent.SUCCESS,
                            Map.of(
                                    "added",
                                    List.of("catalog", "pricing"),
                                    "removed",
                                    List.of("accounts", "products", "reviews"),
                                    "subgraphs",
                                    2L,
                                    "sha256",
                                    sha256)));
        }
    }

    @Test
    void badNewFileKeepsTheOldSupergraph() throws IOException {
        Path file = copy("entities");
        SupergraphFile source = new SupergraphFile(file);
        Gateway gateway = gateway(source);
        Files.writeString(file, "type Query { broken: Int }");
        touch(file, 10);
        source.reloadIfChanged((supergraph, sdl) -> gateway.use(supergraph));
        assertThat(gateway.supergraph().subgraphs()).extracting(Subgraph::name).contains("reviews");
    }

    @Test
    void badFileAtStartUpNamesTheFile() throws IOException {
        Path file = dir.resolve("bad.graphql");
        Files.writeString(file, "type Query { a: Int }");
        assertThatThrownBy(() -> new SupergraphFile(file).load())
                .isInstanceOf(SupergraphException.class)
                .hasMessageContaining("bad.graphql");
    }

    /** Waits until the log holds {@code seq} lines: the change is served first, then recorded. */
    private static void await(FileAuditLog log, long seq) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (log.head().seq() < seq && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private Path copy(String name) throws IOException {
        Path file = dir.resolve("supergraph.graphql");
        Files.copy(GOLDEN.resolve(name).resolve("supergraph.graphql"), file);
        return file;
    }

    private static void touch(Path file, int seconds) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(seconds)));
    }

    private static Gateway gateway(SupergraphFile source) {
        return new Gateway(
                source.load(),
                Map.of(),
                SubgraphSettings.DEFAULTS,
                new PlanExecutor(
                        request -> CompletableFuture.failedFuture(new IllegalStateException("no subgraphs here"))),
                Gateway.Options.defaults());
    }
}
