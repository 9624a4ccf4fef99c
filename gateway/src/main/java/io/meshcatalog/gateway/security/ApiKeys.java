package io.meshcatalog.gateway.security;

import io.meshcatalog.gateway.background.Repeating;
import io.meshcatalog.gateway.execution.Caller;
import io.meshcatalog.gateway.execution.Role;
import io.meshcatalog.graph.keys.ApiKeyRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every API key the gateway accepts, in memory: the configured ones and those stored in the catalog, indexed by id
 * so a request is checked without touching a database (one SHA-256 and one map lookup). The index is rebuilt after
 * each change made here and re-read on an interval, since another gateway on the same graph may have created or
 * revoked a key; a failed re-read keeps the index it had.
 */
public final class ApiKeys implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeys.class);

    private final List<ApiKeyRecord> configured;
    private final Supplier<List<ApiKeyRecord>> stored;
    private final Clock clock;
    private volatile Map<String, Entry> byId = Map.of();
    private volatile @Nullable ScheduledExecutorService refresher;

    /** A key and the caller it authenticates, made once per index. */
    private record Entry(ApiKeyRecord key, Caller caller) {}

    /**
     * @param configured keys from configuration ({@code security.api-keys}); they win over a stored key of the same id
     * @param stored reads the keys stored in the catalog (none without it)
     */
    public ApiKeys(List<ApiKeyRecord> configured, Supplier<List<ApiKeyRecord>> stored, Clock clock) {
        this.configured = List.copyOf(configured);
        this.stored = stored;
        this.clock = clock;
        this.byId = index(this.configured, stored.get());
    }

    /** Re-reads the stored keys now; on failure the current index stays and the failure is logged. */
    public void reload() {
        try {
            byId = index(configured, stored.get());
        } catch (RuntimeException e) {
            LOG.warn("Cannot re-read the stored API keys, keeping the {} known: {}", byId.size(), e.toString());
        }
    }

    /** Re-reads the stored keys every {@code interval} on a daemon thread, until closed. */
    public synchronized ApiKeys refreshEvery(Duration interval) {
        if (refresher == null) {
            refresher = Repeating.every("api-key-refresh", interval, this::reload);
        }
        return this;
    }

    /** Whom {@code presented} authenticates now, or why nobody. */
    Verdict check(String presented) {
        String id = ApiKeyFormat.idOf(presented);
        if (id == null) {
            return new Verdict.Rejected("the API key is not a Mesh Catalog key (mck_<id>_<secret>)", null);
        }
        Entry entry = byId.get(id);
        if (entry == null || !ApiKeyFormat.matches(presented, entry.key().hash())) {
            return new Verdict.Rejected("API key " + id + " is not known", id);
        }
        Instant now = clock.instant();
        if (entry.key().revokedAt() != null) {
            return new Verdict.Rejected("API key " + id + " was revoked", id);
        }
        if (!now.isBefore(entry.key().expiresAt())) {
            return new Verdict.Rejected(
                    "API key " + id + " expired at " + entry.key().expiresAt(), id);
        }
        return new Verdict.Accepted(entry.caller());
    }

    /**
     * Whom the key {@code id} authenticates now, without the key itself: for the gateway acting on a known caller's
     * behalf (the demo's story, told through the API by its personas). Empty when the key is unknown, revoked or
     * expired.
     */
    public Optional<Caller> caller(String id) {
        Entry entry = byId.get(id);
        if (entry == null
                || entry.key().revokedAt() != null
                || !clock.instant().isBefore(entry.key().expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(entry.caller());
    }

    /** Every key known now, by id. */
    public List<ApiKeyRecord> all() {
        List<ApiKeyRecord> out = new ArrayList<>();
        byId.values().forEach(entry -> out.add(entry.key()));
        out.sort(Comparator.comparing(ApiKeyRecord::createdAt).thenComparing(ApiKeyRecord::id));
        return out;
    }

    /** Whether the key {@code id} comes from configuration (and so cannot be revoked over the API). */
    public boolean configured(String id) {
        return configured.stream().anyMatch(key -> key.id().equals(id));
    }

    /** The role names a key may carry, upper case; throws naming the unknown one. */
    public static Set<Role> roles(Set<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            try {
                roles.add(Role.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "unknown role " + name + "; the roles are " + List.of(Role.values()), e);
            }
        }
        return roles;
    }

    /** The canonical (upper-case) names of {@code names}; throws naming an unknown one. */
    public static Set<String> roleNames(Set<String> names) {
        Set<String> out = new java.util.TreeSet<>();
        roles(names).forEach(role -> out.add(role.name()));
        return out;
    }

    private static Map<String, Entry> index(List<ApiKeyRecord> configured, List<ApiKeyRecord> stored) {
        Map<String, Entry> out = new HashMap<>();
        for (ApiKeyRecord key : stored) {
            out.put(key.id(), entry(key));
        }
        for (ApiKeyRecord key : configured) {
            if (out.put(key.id(), entry(key)) != null) {
                LOG.warn(
                        "API key {} is both configured and stored in the catalog; the configured one is used",
                        key.id());
            }
        }
        return Map.copyOf(out);
    }

    private static Entry entry(ApiKeyRecord key) {
        return new Entry(
                key,
                new Caller(
                        key.subject(),
                        key.teams(),
                        key.scopes(),
                        roles(key.roles()),
                        key.namespaces(),
                        "api-key",
                        key.id()));
    }

    @Override
    public synchronized void close() {
        if (refresher != null) {
            refresher.shutdownNow();
            refresher = null;
        }
    }
}
