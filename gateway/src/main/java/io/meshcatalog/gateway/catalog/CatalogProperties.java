package io.meshcatalog.gateway.catalog;

import io.meshcatalog.graph.openlineage.IntakeLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code catalog.*} settings.
 *
 * @param enabled whether the gateway runs the built-in catalog subgraph over Neo4j
 * @param name the catalog's subgraph name in the supergraph
 * @param harvestInterval how often every subgraph's catalog contract is harvested; zero harvests only
 *     at start and on {@code refreshCatalog}
 * @param harvestTimeout how long one subgraph may take to answer its catalog contract
 * @param dataDir where the embedded Neo4j keeps its data, overriding {@code MESH_DATA_DIR}
 * @param pageCache the embedded Neo4j's page cache (default 512MB); a graph larger than it is read
 *     from disk on every traversal (the 1M-dataset benchmark graph is about 1 GB)
 * @param domains the domain each subgraph may publish, by subgraph name; a subgraph not named here may publish
 *     only the domain of its own name
 * @param openlineage what one OpenLineage event may carry ({@code catalog.openlineage.*})
 * @param notifications telling teams what breaks upstream of them ({@code catalog.notifications.*})
 * @param instanceId this gateway's name among the gateways on one graph, in harvest leases and logs (by default
 *     {@code HOSTNAME}, the process id and a random part)
 * @param harvestLease how long a gateway's claim to harvest a domain holds before another may take it over: longer
 *     than one domain's harvest takes (2m)
 * @param refreshInterval how often the graph's change counts are read, so a harvest through another gateway on the
 *     same graph is served here within it (5s); zero: only this gateway's own harvests refresh it
 */
@ConfigurationProperties("catalog")
public record CatalogProperties(
        boolean enabled,
        @Nullable String name,
        @Nullable Duration harvestInterval,
        @Nullable Duration harvestTimeout,
        @Nullable Path dataDir,
        @Nullable DataSize pageCache,
        @Nullable Map<String, String> domains,
        @Nullable OpenLineage openlineage,
        @Nullable Notifications notifications,
        @Nullable String instanceId,
        @Nullable Duration harvestLease,
        @Nullable Duration refreshInterval) {

    /**
     * {@code catalog.notifications.*}: telling teams what breaks upstream of them ({@link NotificationSender}).
     *
     * @param enabled false stops the rounds (alerts are still raised and kept); true by default
     * @param interval between rounds (5s)
     * @param maxAttempts attempts per notification before it is FAILED (8)
     * @param backoff the wait after a first failed attempt, doubled (jittered) after each next one (10s)
     * @param webhooks each team's webhook
     */
    public record Notifications(
            @Nullable Boolean enabled,
            @Nullable Duration interval,
            @Nullable Integer maxAttempts,
            @Nullable Duration backoff,
            @Nullable List<Webhook> webhooks) {

        static final Notifications DEFAULTS = new Notifications(null, null, null, null, null);

        boolean on() {
            return enabled == null || enabled;
        }

        Duration intervalOrDefault() {
            return interval == null || interval.isZero() || interval.isNegative() ? Duration.ofSeconds(5) : interval;
        }

        int maxAttemptsOrDefault() {
            return maxAttempts == null || maxAttempts < 1 ? 8 : maxAttempts;
        }

        Duration backoffOrDefault() {
            return backoff == null || backoff.isZero() || backoff.isNegative() ? Duration.ofSeconds(10) : backoff;
        }

        Map<String, Webhook> webhooksByTeam() {
            Map<String, Webhook> byTeam = new TreeMap<>();
            for (Webhook webhook : webhooks == null ? List.<Webhook>of() : webhooks) {
                if (byTeam.put(webhook.team(), webhook) != null) {
                    throw new IllegalArgumentException("catalog.notifications.webhooks names team " + webhook.team()
                            + " twice; a team has one webhook");
                }
            }
            return Map.copyOf(byTeam);
        }
    }

    Notifications notificationsOrDefault() {
        return notifications == null ? Notifications.DEFAULTS : notifications;
    }

    /**
     * {@code catalog.openlineage.*}: the bounds of one event ({@link IntakeLimits}); each unset one has its default.
     *
     * @param maxDatasets datasets in inputs, and in outputs (1000)
     * @param maxDatasetEdges inputs times outputs (10000)
     * @param maxFields schema fields and output columns of all datasets together (10000)
     * @param maxInputFields column lineage sources of all output columns together (10000)
     * @param maxBatchEvents events in one request that sends several, as a JSON array or NDJSON (1000)
     */
    public record OpenLineage(
            @Nullable Integer maxDatasets,
            @Nullable Integer maxDatasetEdges,
            @Nullable Integer maxFields,
            @Nullable Integer maxInputFields,
            @Nullable Integer maxBatchEvents) {}

    IntakeLimits intakeLimits() {
        IntakeLimits defaults = IntakeLimits.DEFAULTS;
        if (openlineage == null) {
            return defaults;
        }
        return new IntakeLimits(
                or(openlineage.maxDatasets(), defaults.datasets()),
                or(openlineage.maxDatasetEdges(), defaults.datasetEdges()),
                or(openlineage.maxFields(), defaults.fields()),
                or(openlineage.maxInputFields(), defaults.inputFields()),
                or(openlineage.maxBatchEvents(), defaults.events()),
                defaults.settings());
    }

    private static int or(@Nullable Integer value, int otherwise) {
        return value == null ? otherwise : value;
    }

    public CatalogProperties {
        Map<String, String> bySubgraph = new TreeMap<>();
        if (domains != null) {
            domains.forEach((subgraph, domain) -> {
                String other = bySubgraph.entrySet().stream()
                        .filter(e -> e.getValue().equals(domain))
                        .map(Map.Entry::getKey)
                        .findFirst()
                        .orElse(null);
                if (other != null) {
                    throw new IllegalArgumentException(
                            "catalog.domains binds domain '" + domain + "' to two subgraphs, " + other + " and "
                                    + subgraph + ": a domain is published by one subgraph");
                }
                bySubgraph.put(subgraph, domain);
            });
        }
        domains = Map.copyOf(bySubgraph);
    }

    /** The only domain {@code subgraph} may publish. */
    String domainOf(String subgraph) {
        return domains.getOrDefault(subgraph, subgraph);
    }

    String subgraphName() {
        return name == null || name.isBlank() ? "catalog" : name;
    }

    Duration harvestEvery() {
        return harvestInterval == null ? Duration.ofMinutes(5) : harvestInterval;
    }

    Duration harvestLeaseOrDefault() {
        boolean unset = harvestLease == null || harvestLease.isZero() || harvestLease.isNegative();
        return unset ? Duration.ofMinutes(2) : harvestLease;
    }

    Duration refreshEvery() {
        return refreshInterval == null ? Duration.ofSeconds(5) : refreshInterval;
    }

    Duration harvestTimeoutOrDefault() {
        return harvestTimeout == null ? Duration.ofSeconds(20) : harvestTimeout;
    }
}
