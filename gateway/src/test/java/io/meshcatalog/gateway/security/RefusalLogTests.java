package io.meshcatalog.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.gateway.audit.AuditEvent;
import io.meshcatalog.gateway.audit.AuditKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A flood of refusals cannot grow memory: records past the bound are counted, and the next one says how many. */
class RefusalLogTests {

    private final List<AuditEvent> appended = new ArrayList<>();
    private final List<CompletableFuture<Void>> durable = new ArrayList<>();
    private final RefusalLog log = new RefusalLog(
            event -> {
                appended.add(event);
                CompletableFuture<Void> done = new CompletableFuture<>();
                durable.add(done);
                return done;
            },
            3,
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void atMostTheBoundIsOnItsWayAndTheDroppedAreCounted() {
        for (int i = 0; i < 10; i++) {
            log.record(
                    AuditKind.AUTHENTICATION_FAILED,
                    "unknown",
                    "10.0.0." + i,
                    "/graphql",
                    AuditEvent.FAILURE,
                    "bad key");
        }
        assertThat(appended).hasSize(3);

        durable.forEach(done -> done.complete(null));
        log.record(
                AuditKind.AUTHENTICATION_FAILED, "abcdefghij", "10.0.0.99", "/graphql", AuditEvent.FAILURE, "revoked");

        assertThat(appended).hasSize(4);
        AuditEvent last = appended.get(3);
        assertThat(last.details()).containsEntry("dropped", 7L).containsEntry("reason", "revoked");
        assertThat(last.actor()).isEqualTo("abcdefghij");
        assertThat(last.source()).isEqualTo("10.0.0.99");
    }

    @Test
    void aFailingLogFreesItsPlace() {
        List<AuditEvent> seen = new ArrayList<>();
        RefusalLog counting = new RefusalLog(
                event -> {
                    seen.add(event);
                    return CompletableFuture.failedFuture(new IllegalStateException("disk full"));
                },
                1,
                Clock.systemUTC());
        for (int i = 0; i < 5; i++) {
            counting.record(AuditKind.ACCESS_DENIED, "ana", "127.0.0.1", "/x", AuditEvent.DENIED, "no");
        }
        assertThat(seen).hasSize(5);
    }
}
