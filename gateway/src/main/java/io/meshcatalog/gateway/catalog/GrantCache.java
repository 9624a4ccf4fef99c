package io.meshcatalog.gateway.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.meshcatalog.gateway.execution.Caller;
import io.meshcatalog.gateway.http.EdgeCheck;
import io.meshcatalog.gateway.http.HttpRoute;
import io.meshcatalog.gateway.security.GrantLookup;
import io.meshcatalog.graph.access.Viewer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The private products each caller was granted, for the signed caller every subgraph fetch carries
 * ({@link GrantLookup}), read from the store ({@code grantedProducts}) and kept in memory per subject and teams.
 *
 * <p>A fetch never waits on Neo4j for them: the fetch's lookup runs on an event loop and only reads memory. The
 * store is read at the edge instead ({@link #edgeCheck()}, after authentication, on a worker thread), whenever the
 * caller's entry is missing, older than {@link #FRESH} or older than the last grant change this gateway knows of
 * ({@link #changed()}: made through it, or counted in the graph by another, {@link CatalogChangeFeed}); so a request
 * that starts after a decision was answered sees it, and a change made through another gateway on the same graph is
 * seen within {@code catalog.refresh-interval}, and {@link #FRESH} at the latest. A lookup that finds nothing (the
 * entry was evicted since the edge, or the caller never passed it) answers no grants, which shows less, never more,
 * and loads the entry for the next request. At most {@link #MAX_CALLERS} callers are kept, each until it is idle for
 * {@link #IDLE}.
 */
public final class GrantCache implements GrantLookup {

    private static final Logger LOG = LoggerFactory.getLogger(GrantCache.class);

    /** How long a caller's grants are used before the edge reads them again. */
    static final Duration FRESH = Duration.ofSeconds(10);

    static final Duration IDLE = Duration.ofMinutes(10);
    static final int MAX_CALLERS = 10_000;

    /** Whose grants: a grant is made to a team or to a subject alone. */
    private record Key(String subject, Set<String> teams) {}

    /** Grants as read at {@code loadedAt} (nanos), when {@code generation} changes had been made. */
    private record Entry(Set<String> products, long generation, long loadedAt) {}

    private final Function<Viewer, Set<String>> store;
    private final Executor workers;
    private final LongSupplier nanos;
    private final AtomicLong generation = new AtomicLong();
    private final Cache<Key, Entry> entries = Caffeine.newBuilder()
            .maximumSize(MAX_CALLERS)
            .expireAfterAccess(IDLE)
            .build();

    /**
     * @param store the grants in force of a viewer ({@code LineageStore::grantedProducts})
     * @param workers where the store is read: threads that may wait on a database
     * @param nanos the clock entries age by ({@code System::nanoTime})
     */
    GrantCache(Function<Viewer, Set<String>> store, Executor workers, LongSupplier nanos) {
        this.store = store;
        this.workers = workers;
        this.nanos = nanos;
    }

    @Override
    public Set<String> grantedProducts(Caller caller) {
        if (!caller.authenticated()) {
            return Set.of();
        }
        Entry entry = entries.getIfPresent(key(caller));
        if (entry == null) {
            warm(caller);
            return Set.of();
        }
        return entry.products();
    }

    /** Reads the caller's grants unless fresh ones are kept; completes when they are kept. */
    CompletableFuture<Void> warm(Caller caller) {
        if (!caller.authenticated()) {
            return CompletableFuture.completedFuture(null);
        }
        Key key = key(caller);
        Entry entry = entries.getIfPresent(key);
        if (entry != null
                && entry.generation() == generation.get()
                && nanos.getAsLong() - entry.loadedAt() < FRESH.toNanos()) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> load(key, caller), workers);
    }

    /** A grant was approved or ended here: every caller's grants are read again at its next request. */
    void changed() {
        generation.incrementAndGet();
    }

    /** Warms the cache for every authenticated call of a route that is not public, before the route runs. */
    EdgeCheck edgeCheck() {
        return (route, call) -> {
            if (route.access() == HttpRoute.Access.PUBLIC || !call.caller().authenticated()) {
                return EdgeCheck.admitted(call);
            }
            return warm(call.caller()).<EdgeCheck.Admission>handle((done, failure) -> {
                if (failure != null) {
                    LOG.warn(
                            "Cannot read the grants of {}; subgraphs see it without new ones: {}",
                            call.caller().name(),
                            failure.toString());
                }
                return new EdgeCheck.Admitted(call);
            });
        };
    }

    private void load(Key key, Caller caller) {
        long seen = generation.get();
        Entry loaded = new Entry(Set.copyOf(store.apply(CatalogAccess.viewer(caller))), seen, nanos.getAsLong());
        // a read that started before a change and ends after a newer one must not replace it
        entries.asMap().merge(key, loaded, (kept, fresh) -> fresh.generation() >= kept.generation() ? fresh : kept);
    }

    private static Key key(Caller caller) {
        return new Key(caller.subject(), caller.teams());
    }
}
