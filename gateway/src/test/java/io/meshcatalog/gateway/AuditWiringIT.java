package io.meshcatalog.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.gateway.audit.AuditKind;
import io.meshcatalog.gateway.audit.AuditReader;
import io.meshcatalog.gateway.audit.AuditRecord;
import io.meshcatalog.gateway.audit.AuditSettings;
import io.meshcatalog.gateway.audit.AuditVerifier;
import io.meshcatalog.gateway.audit.FileAuditLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;

/**
 * Both starts (plain and Spring) open the audit log in {@code audit.dir}, record a change of the served supergraph
 * in it, and close it with the gateway: the chain verifies, and the directory is free for the next start.
 */
class AuditWiringIT {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} start")
    @ValueSource(strings = {"plain", "spring"})
    void aSupergraphChangeIsRecordedAndTheLogClosesWithTheGateway(String start) throws Exception {
        Path supergraph = dir.resolve("supergraph.graphql");
        Files.copy(GOLDEN.resolve("entities/supergraph.graphql"), supergraph);
        Path audit = dir.resolve("audit");
        String[] args = {
            "--supergraph=" + supergraph,
            "--server.port=0",
            "--gateway.reload-interval=100ms",
            "--audit.dir=" + audit,
            "--logging.level.io.meshcatalog=WARN"
        };

        AutoCloseable gateway = start.equals("plain")
                ? PlainGateway.start(PlainGateway.environment(args))
                : SpringApplication.run(GatewayApplication.class, args);
        try {
            Files.copy(GOLDEN.resolve("shareable/supergraph.graphql"), supergraph, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(supergraph, FileTime.from(Instant.now().plusSeconds(10)));

            AuditRecord reload = awaitReload(audit);
            assertThat(reload.event().actor()).isEqualTo("gateway");
            assertThat(reload.event().target()).isEqualTo("supergraph");
            assertThat(reload.event().details())
                    .containsEntry("added", List.of("catalog", "pricing"))
                    .containsEntry("removed", List.of("accounts", "products", "reviews"))
                    .containsEntry("subgraphs", 2L);
        } finally {
            gateway.close();
        }

        assertThat(AuditVerifier.verify(audit, null)).isInstanceOf(AuditVerifier.Intact.class);
        try (FileAuditLog reopened = FileAuditLog.open(AuditSettings.in(audit))) {
            assertThat(reopened.head().seq())
                    .as("the gateway released the directory; its records are there")
                    .isEqualTo(1);
        }
    }

    private static AuditRecord awaitReload(Path audit) throws InterruptedException {
        AuditReader reader = new AuditReader(audit, () -> Long.MAX_VALUE);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<AuditRecord> records =
                    reader.page(0, Set.of(AuditKind.SCHEMA_RELOADED), null, 10).records();
            if (!records.isEmpty()) {
                assertThat(records).hasSize(1);
                return records.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no SCHEMA_RELOADED in " + audit + " within 30 s");
    }
}
