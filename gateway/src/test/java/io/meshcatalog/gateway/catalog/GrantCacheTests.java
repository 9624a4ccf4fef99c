package io.meshcatalog.gateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.gateway.execution.Caller;
import io.meshcatalog.gateway.execution.Role;
import io.meshcatalog.gateway.http.EdgeCheck;
import io.meshcatalog.gateway.http.HttpAnswer;
import io.meshcatalog.gateway.http.HttpCall;
import io.meshcatalog.gateway.http.HttpRoute;
import io.meshcatalog.graph.access.Viewer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The grants cache between the store and the signed caller of subgraph fetches: read at the edge, served from memory
 * to fetches, read again after a decision or once stale. The store here is a map of grants per subject (the
 * store's own reads are {@code AccessSharingIT}'s and {@code DemoSharingIT}'s); reads run on the calling thread.
 */
class GrantCacheTests {

    private static final Caller OLA = caller("ola", "orders-team");
    private static final String CONTACTS = "customers.contacts";

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final Map<String, Set<String>> granted = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private Function<Viewer, Set<String>> store = viewer -> {
        reads.incrementAndGet();
        return granted.getOrDefault(viewer.subject(), Set.of());
    };
    private final GrantCache cache = new GrantCache(viewer -> store.apply(viewer), Runnable::run, nanos::get);

    @Test
    void grantsAreReadOnceAtTheEdgeAndServedFromMemoryToEveryFetch() {
        granted.put("ola", Set.of(CONTACTS));

        cache.warm(OLA).join();

        assertThat(cache.grantedProducts(OLA)).containsExactly(CONTACTS);
        assertThat(cache.grantedProducts(OLA)).containsExactly(CONTACTS);
        cache.warm(OLA).join();
        assertThat(reads).hasValue(1);
    }

    @Test
    void aDecisionMakesTheNextRequestReadThemAgainWhileFetchesKeepTheLastKnown() {
        cache.warm(OLA).join();
        granted.put("ola", Set.of(CONTACTS));

        cache.changed();
        assertThat(cache.grantedProducts(OLA)).isEmpty();
        cache.warm(OLA).join();

        assertThat(cache.grantedProducts(OLA)).containsExactly(CONTACTS);
        assertThat(reads).hasValue(2);
    }

    @Test
    void grantsAreReadAgainOnceTheyAreNoLongerFresh() {
        cache.warm(OLA).join();

        nanos.addAndGet(GrantCache.FRESH.toNanos() - 1);
        cache.warm(OLA).join();
        assertThat(reads).hasValue(1);
        nanos.addAndGet(1);
        cache.warm(OLA).join();
        assertThat(reads).hasValue(2);
    }

    @Test
    void aCallerTheEdgeDidNotSeeGetsNoGrantsAndTheNextFetchHasThem() {
        granted.put("ola", Set.of(CONTACTS));

        assertThat(cache.grantedProducts(OLA)).isEmpty();
        assertThat(cache.grantedProducts(OLA)).containsExactly(CONTACTS);
    }

    @Test
    void aCallerOfOtherTeamsHasItsOwnEntryAndAnonymousCallersNoneAtAll() {
        cache.warm(OLA).join();
        cache.warm(caller("ola", "orders-team", "growth-team")).join();
        cache.warm(Caller.ANONYMOUS).join();

        assertThat(cache.grantedProducts(Caller.ANONYMOUS)).isEmpty();
        assertThat(reads).hasValue(2);
    }

    @Test
    void aReadThatStartedBeforeADecisionDoesNotReplaceOneThatStartedAfter() {
        Function<Viewer, Set<String>> plain = store;
        store = viewer -> {
            // while this read is on its way, a grant is approved and a newer request reads the grants
            store = plain;
            granted.put("ola", Set.of(CONTACTS));
            cache.changed();
            cache.warm(OLA).join();
            return Set.of();
        };

        cache.warm(OLA).join();

        assertThat(cache.grantedProducts(OLA)).containsExactly(CONTACTS);
    }

    @Test
    void theEdgeReadsGrantsForAuthenticatedCallersOfRoutesThatAreNotPublic() {
        EdgeCheck check = cache.edgeCheck();
        HttpRoute graphql = HttpRoute.of(
                "/graphql",
                Set.of("POST"),
                call -> CompletableFuture.completedFuture(HttpAnswer.text(200, "text/plain", "")));
        HttpCall call = new HttpCall("POST", "/graphql", Map.of(), Map.of(), new byte[0], "127.0.0.1");

        assertThat(check.admit(graphql.withAccess(HttpRoute.Access.PUBLIC), call.withCaller(OLA))
                        .join())
                .isInstanceOf(EdgeCheck.Admitted.class);
        assertThat(check.admit(graphql, call).join()).isInstanceOf(EdgeCheck.Admitted.class);
        assertThat(reads).hasValue(0);
        assertThat(check.admit(graphql, call.withCaller(OLA)).join()).isInstanceOf(EdgeCheck.Admitted.class);
        assertThat(reads).hasValue(1);
    }

    @Test
    void aStoreThatCannotAnswerAdmitsTheCallWithoutGrants() {
        store = viewer -> {
            throw new IllegalStateException("Neo4j is down");
        };
        HttpRoute graphql = HttpRoute.of(
                "/graphql",
                Set.of("POST"),
                call -> CompletableFuture.completedFuture(HttpAnswer.text(200, "text/plain", "")));
        HttpCall call = new HttpCall("POST", "/graphql", Map.of(), Map.of(), new byte[0], "127.0.0.1").withCaller(OLA);

        assertThat(cache.edgeCheck().admit(graphql, call).join()).isInstanceOf(EdgeCheck.Admitted.class);
        assertThat(cache.grantedProducts(OLA)).isEmpty();
    }

    private static Caller caller(String subject, String... teams) {
        return new Caller(subject, Set.of(teams), Set.of(), Set.of(Role.DOMAIN_MEMBER), Set.of(), "api-key", "k");
    }
}
