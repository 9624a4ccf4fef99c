package io.meshcatalog.graph.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshcatalog.graph.embedded.Neo4jIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/** The stored API keys over Bolt: what is written is read back, ids are unique, revocation is kept once. */
@Neo4jIntegrationTest
class ApiKeyRepositoryIT {

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");

    private ApiKeyRepository repository;

    @BeforeEach
    void setUp(Driver driver) {
        repository = new ApiKeyRepository(driver);
        repository.initSchema();
    }

    @Test
    void aCreatedKeyIsReadBackWithEveryField() {
        ApiKeyRecord key = key("k1");
        repository.create(key);

        assertThat(repository.all()).containsExactly(key);
    }

    @Test
    void aSecondKeyWithTheSameIdIsRefusedAndTheFirstIsKept() {
        repository.create(key("dup"));
        ApiKeyRecord other = new ApiKeyRecord(
                "dup",
                "mck_dup",
                "00".repeat(32),
                "mallory",
                Set.of(),
                Set.of("ADMIN"),
                Set.of(),
                Set.of(),
                NOW,
                "mallory",
                NOW.plus(1, ChronoUnit.DAYS),
                null);

        assertThatThrownBy(() -> repository.create(other))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dup exists already");
        assertThat(repository.all()).containsExactly(key("dup"));
    }

    @Test
    void revokingKeepsTheFirstRevocationTime() {
        repository.create(key("k2"));
        Instant first = NOW.plus(1, ChronoUnit.HOURS);

        assertThat(repository.revoke("k2", first)).contains(key("k2").revoked(first));
        assertThat(repository.revoke("k2", first.plus(1, ChronoUnit.HOURS)))
                .contains(key("k2").revoked(first));
        assertThat(repository.all()).containsExactly(key("k2").revoked(first));
    }

    @Test
    void revokingAnUnknownKeyFindsNothingAndStoresNothing() {
        assertThat(repository.revoke("nobody", NOW)).isEmpty();
        assertThat(repository.all()).isEmpty();
    }

    private static ApiKeyRecord key(String id) {
        return new ApiKeyRecord(
                id,
                "mck_" + id,
                "ab".repeat(32),
                "ana",
                Set.of("orders-team"),
                Set.of("DOMAIN_MEMBER"),
                Set.of("read:pii"),
                Set.of("orders"),
                NOW,
                "admin",
                NOW.plus(30, ChronoUnit.DAYS),
                null);
    }
}
