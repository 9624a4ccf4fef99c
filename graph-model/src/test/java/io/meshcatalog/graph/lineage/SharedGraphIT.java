package io.meshcatalog.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.embedded.Neo4jIntegrationTest;
import io.meshcatalog.graph.lineage.CatalogChanges.Scope;
import io.meshcatalog.graph.lineage.HarvestLeases.Claim;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.Driver;

/**
 * What several gateways on one graph agree on through it: who harvests a domain (a lease with an expiry, and the last
 * successful harvest), and when the vocabulary they each keep changed (a count moved by the writes that change it).
 */
@Neo4jIntegrationTest
class SharedGraphIT {

    private static final Duration LEASE = Duration.ofMinutes(2);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T03:00:00Z"));
    private final Driver driver;
    private final LineageStore store;
    private final HarvestLeases leases;
    private final CatalogChanges changes;

    SharedGraphIT(Driver driver) {
        this.driver = driver;
        this.store = new LineageStore(driver, TraversalLimits.DEFAULT, clock);
        this.leases = new HarvestLeases(driver, clock);
        this.changes = new CatalogChanges(driver);
    }

    @BeforeEach
    void schema() {
        store.initSchema();
    }

    @Test
    void oneGatewayHarvestsADomainAtATimeAndOneThatDiedIsReplacedWhenItsLeaseExpires() {
        assertThat(leases.claim("beta", "gateway-a", LEASE, null).claimed()).isTrue();

        Claim refused = leases.claim("beta", "gateway-b", LEASE, null);
        assertThat(refused.claimed()).isFalse();
        assertThat(refused.reason("beta"))
                .isEqualTo(
                        "gateway gateway-a is harvesting domain beta (its lease runs " + "until 2026-12-07T03:02:00Z)");
        assertThat(leases.claim("gamma", "gateway-b", LEASE, null).claimed())
                .as("another domain")
                .isTrue();
        assertThat(leases.claim("beta", "gateway-a", LEASE, null).claimed())
                .as("its holder, again")
                .isTrue();

        clock.advance(LEASE.plusSeconds(1)); // gateway-a died holding it
        assertThat(leases.claim("beta", "gateway-b", LEASE, null).claimed()).isTrue();
        leases.release("beta", "gateway-a", true);
        assertThat(leases.claim("beta", "gateway-c", LEASE, null).claimed())
                .as("the dead holder's late release ends nothing of its successor's")
                .isFalse();
    }

    @Test
    void aScheduledHarvestSkipsADomainAnotherGatewayHarvestedWithinTheIntervalButNotOneThatFailed() {
        Duration interval = Duration.ofMinutes(5);
        leases.claim("beta", "gateway-a", LEASE, null);
        leases.release("beta", "gateway-a", true);
        clock.advance(Duration.ofMinutes(1));

        Claim skipped = leases.claim("beta", "gateway-b", LEASE, clock.instant().minus(interval.dividedBy(2)));
        assertThat(skipped.claimed()).isFalse();
        assertThat(skipped.reason("beta"))
                .isEqualTo("domain beta was harvested by gateway gateway-a at "
                        + "2026-12-07T03:00:00Z, within the harvest interval");
        assertThat(leases.claim("beta", "gateway-b", LEASE, null).claimed())
                .as("a harvest someone asked for")
                .isTrue();
        leases.release("beta", "gateway-b", false);

        clock.advance(Duration.ofMinutes(2));
        assertThat(leases.claim("beta", "gateway-a", LEASE, clock.instant().minus(interval.dividedBy(2)))
                        .claimed())
                .as("half an interval after the last harvest that succeeded")
                .isTrue();
    }

    @Test
    void ofGatewaysClaimingOneDomainAtOnceExactlyOneHoldsIt() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> claims = IntStream.range(0, 8)
                    .<Callable<Boolean>>mapToObj(i -> () ->
                            leases.claim("alpha", "gateway-" + i, LEASE, null).claimed())
                    .toList();
            long holders = 0;
            for (Future<Boolean> claim : threads.invokeAll(claims)) {
                holders += claim.get() ? 1 : 0;
            }
            assertThat(holders).isOne();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aStoppingGatewayEndsItsLeasesAndOnlyItsOwn() {
        leases.claim("alpha", "gateway-a", LEASE, null);
        leases.claim("beta", "gateway-a", LEASE, null);
        leases.claim("gamma", "gateway-b", LEASE, null);

        assertThat(leases.releaseAll("gateway-a")).isEqualTo(2);

        assertThat(leases.claim("alpha", "gateway-c", LEASE, null).claimed()).isTrue();
        assertThat(leases.claim("gamma", "gateway-c", LEASE, null).claimed()).isFalse();
    }

    @Test
    void theGrantsCountMovesWhenAccessIsGrantedOrRevokedButNotWhenItIsAskedForOrDenied() {
        Fixtures.visibility().forEach(store::upsert);
        Viewer olga = Viewer.of("olga", Set.of("ads-team"));
        Viewer carl = Viewer.of("carl", Set.of("crm-team"));
        Instant until = clock.instant().plus(Duration.ofDays(30));

        AccessRequest denied = store.requestAccess(olga, "crm.contacts", "ads-team", "churn-model", until);
        store.decideAccess(carl, denied.id(), AccessDecision.DENY, "not for that");
        assertThat(changes.counts()).doesNotContainKey(Scope.GRANTS);

        AccessRequest granted = store.requestAccess(olga, "crm.contacts", "ads-team", "advertising-audiences", until);
        store.decideAccess(carl, granted.id(), AccessDecision.APPROVE, "spring campaign");
        assertThat(changes.counts()).containsEntry(Scope.GRANTS, 1L);
        store.revokeAccess(carl, granted.id(), "campaign over");
        assertThat(changes.counts()).containsEntry(Scope.GRANTS, 2L);
    }

    @Test
    void aWriteIsAmongTheBookmarksThisProcessReadsWaitForOnACluster() {
        changes.counts(); // a read: the reads' bookmark manager holds the graph's state as of it
        Set<Bookmark> beforeTheWrite = driver.executableQueryBookmarkManager().getBookmarks();

        leases.claim("alpha", "gateway-a", LEASE, null);

        assertThat(driver.executableQueryBookmarkManager().getBookmarks())
                .isNotEmpty()
                .isNotEqualTo(beforeTheWrite);
    }

    @Test
    void theVocabularyCountMovesWhenAStoredDescriptorOrARetirementChangesItAndOnlyThen() {
        String beta = Fixtures.text("lineage/beta.yaml");
        assertThat(changes.counts()).isEmpty();
        store.upsert(Fixtures.yaml("beta.yaml", beta), beta);
        long first = changes.counts().get(Scope.VOCABULARY);

        store.upsert(Fixtures.yaml("beta.yaml", beta), beta);
        store.upsert(Fixtures.yaml("beta.yaml", beta));
        assertThat(changes.counts())
                .as("the same text again, and an upsert that stores no text")
                .containsEntry(Scope.VOCABULARY, first);

        String withoutFan = beta.substring(0, beta.indexOf("  - id: beta.fan"));
        store.upsert(Fixtures.yaml("beta.yaml", withoutFan), withoutFan);
        assertThat(changes.counts().get(Scope.VOCABULARY))
                .as("beta.fan retired")
                .isGreaterThan(first);
    }
}
