package io.meshcatalog.gateway.catalog;

import io.meshcatalog.gateway.audit.AuditEvent;
import io.meshcatalog.gateway.audit.AuditKind;
import io.meshcatalog.gateway.audit.AuditLog;
import io.meshcatalog.gateway.execution.RequestContext;
import io.meshcatalog.graph.descriptor.DescriptorLoader;
import io.meshcatalog.graph.lineage.HarvestLeases;
import io.meshcatalog.graph.lineage.LineageStore;
import io.meshcatalog.graph.lineage.UpsertOutcome;
import io.meshcatalog.graph.model.DomainDescriptor;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Harvests every subgraph's catalog contract into the lineage graph: the descriptor is loaded and
 * upserted (idempotent; a changed product gets a revision, one no longer declared is retired). A subgraph that cannot
 * be reached or answers a bad descriptor is reported and left alone, so its last known products stay.
 * The descriptor text is stored on its domain, and the catalog's vocabulary is rebuilt after every
 * harvest that ran. One harvest at a time: the schedule and {@code refreshCatalog} never interleave. Gateways that
 * share the graph take turns through it ({@link SharedHarvests}): a domain another gateway is harvesting is
 * skipped, and the schedule skips one harvested within half its interval.
 *
 * <p>Each subgraph is bound to one domain ({@code catalog.domains.<subgraph>}, by default its own name): a subgraph
 * that publishes another domain's descriptor, by mistake or to take it over, fails its harvest and the stored domain
 * is left as it was.
 */
public final class CatalogHarvester {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogHarvester.class);

    /** How long a stopping gateway waits for a harvest under way before it ends its leases. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Supplier<List<Target>> subgraphs;
    private final ContractFetcher fetcher;
    private final DescriptorLoader loader;
    private final LineageStore store;
    private final CatalogVocabulary vocabulary;
    private final AuditLog audit;
    private final SharedHarvests shared;
    private final Clock clock;

    /** One subgraph to harvest: the only domain it may publish, where it is reached and the headers configured for it. */
    record Target(String subgraph, String domain, String url, Map<String, String> headers) {}

    /**
     * @param subgraphs the subgraphs to harvest, read at each harvest (the supergraph may change)
     */
    CatalogHarvester(
            Supplier<List<Target>> subgraphs,
            ContractFetcher fetcher,
            DescriptorLoader loader,
            LineageStore store,
            CatalogVocabulary vocabulary,
            AuditLog audit,
            SharedHarvests shared,
            Clock clock) {
        this.subgraphs = subgraphs;
        this.fetcher = fetcher;
        this.loader = loader;
        this.store = store;
        this.vocabulary = vocabulary;
        this.audit = audit;
        this.shared = shared;
        this.clock = clock;
    }

    /**
     * Harvests all subgraphs now, on the gateway's own behalf (the schedule), one outcome each, in supergraph order;
     * skips the domains harvested within half the interval.
     */
    public List<HarvestOutcome> harvest() {
        return harvest(RequestContext.internal("gateway"), domain -> true, true);
    }

    /** Harvests all subgraphs now, on the gateway's own behalf, however recently they were harvested: at start. */
    public List<HarvestOutcome> harvestEverything() {
        return harvest(RequestContext.internal("gateway"), domain -> true, false);
    }

    /**
     * Harvests the subgraphs bound to the domains {@code which} accepts, for {@code by}; each outcome is in the audit
     * log before this returns.
     */
    public List<HarvestOutcome> harvest(RequestContext by, Predicate<String> which) {
        return harvest(by, which, false);
    }

    private synchronized List<HarvestOutcome> harvest(RequestContext by, Predicate<String> which, boolean scheduled) {
        List<HarvestOutcome> outcomes = new ArrayList<>();
        subgraphs.get().stream().filter(target -> which.test(target.domain())).forEach(target -> {
            HarvestOutcome outcome = harvestInTurn(
                    target,
                    scheduled,
                    "harvest of subgraph " + target.subgraph() + " by "
                            + by.caller().name());
            if (!(scheduled && outcome.status() == HarvestOutcome.Status.SKIPPED)) {
                record(by, outcome); // a schedule's skipped turn changed nothing and asked nothing
            }
            HarvestMeters.record(outcome, clock.instant());
            outcomes.add(outcome);
        });
        if (outcomes.stream().anyMatch(outcome -> outcome.status() != HarvestOutcome.Status.SKIPPED)) {
            vocabulary.refresh(); // what another gateway harvested reaches it through the graph's changes
        }
        return outcomes;
    }

    /** Ends the leases of the harvests this gateway has not finished, as it stops. */
    void releaseLeases() {
        int released = shared.releaseAll();
        if (released > 0) {
            LOG.info("Released {} harvest lease(s) of gateway {}", released, shared.gateway());
        }
    }

    /** The domains a harvest can reach: those bound to the subgraphs being served. */
    public List<String> domains() {
        return subgraphs.get().stream().map(Target::domain).toList();
    }

    private void record(RequestContext by, HarvestOutcome outcome) {
        Map<String, @Nullable Object> details = new LinkedHashMap<>();
        details.put("domain", outcome.domain());
        details.put("created", outcome.created());
        details.put("updated", outcome.updated());
        details.put("unchanged", outcome.unchanged());
        details.put("retired", outcome.retired());
        details.put("error", outcome.error());
        audit.append(new AuditEvent(
                        clock.instant(),
                        AuditKind.HARVEST,
                        by.caller().name(),
                        by.source(),
                        outcome.subgraph(),
                        outcome.ok() ? AuditEvent.SUCCESS : AuditEvent.FAILURE,
                        details))
                .join();
    }

    /** Harvests one subgraph under its domain's lease, or says why it is not this gateway's turn. */
    private HarvestOutcome harvestInTurn(Target target, boolean scheduled, String harvest) {
        HarvestLeases.Claim claim;
        try {
            claim = shared.claim(target.domain(), scheduled);
        } catch (RuntimeException e) {
            LOG.warn(
                    "Harvest of subgraph {} not tried: its domain's lease could not be claimed: {}",
                    target.subgraph(),
                    e.getMessage());
            return HarvestOutcome.failed(
                    target.subgraph(), "the domain's harvest lease could not be claimed: " + e.getMessage());
        }
        if (!claim.claimed()) {
            if (claim.holder() == null && claim.harvestedAt() != null) {
                HarvestMeters.succeeded(target.subgraph(), claim.harvestedAt());
            }
            String reason = claim.reason(target.domain());
            LOG.debug("Harvest of subgraph {} skipped: {}", target.subgraph(), reason);
            return HarvestOutcome.skipped(target.subgraph(), target.domain(), reason);
        }
        HarvestOutcome outcome = HarvestOutcome.failed(target.subgraph(), "interrupted");
        try {
            outcome = harvest(target, harvest);
            return outcome;
        } finally {
            release(target.domain(), outcome.ok());
        }
    }

    private void release(String domain, boolean succeeded) {
        try {
            shared.release(domain, succeeded);
        } catch (RuntimeException e) {
            LOG.warn(
                    "The harvest lease of domain {} was not released, it expires on its own: {}",
                    domain,
                    e.getMessage());
        }
    }

    private HarvestOutcome harvest(Target target, String harvest) {
        String subgraph = target.subgraph();
        try {
            ContractFetcher.Contract contract = fetcher.fetch(subgraph, target.url(), target.headers());
            DomainDescriptor descriptor =
                    loader.load("catalogContract of subgraph " + subgraph, contract.descriptorYaml());
            requireBoundDomain(target, contract, descriptor);
            int created = 0;
            int updated = 0;
            int unchanged = 0;
            int retired = 0;
            for (UpsertOutcome outcome : store.upsert(descriptor, contract.descriptorYaml(), harvest)) {
                switch (outcome.change()) {
                    case CREATED -> created++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                    case RETIRED -> retired++;
                }
            }
            LOG.info(
                    "Harvested subgraph {} (domain {}): {} created, {} updated, {} unchanged, {} retired",
                    subgraph,
                    contract.domain(),
                    created,
                    updated,
                    unchanged,
                    retired);
            return HarvestOutcome.ok(subgraph, contract.domain(), created, updated, unchanged, retired);
        } catch (RuntimeException e) {
            LOG.warn(
                    "Harvest of subgraph {} failed, its products are kept as last known: {}", subgraph, e.getMessage());
            return HarvestOutcome.failed(
                    subgraph, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static void requireBoundDomain(
            Target target, ContractFetcher.Contract contract, DomainDescriptor descriptor) {
        String published = descriptor.domain().id().value();
        if (!published.equals(target.domain()) || !contract.domain().equals(target.domain())) {
            throw new IllegalStateException("subgraph " + target.subgraph() + " published domain '"
                    + (published.equals(target.domain()) ? contract.domain() : published) + "' but is bound to domain '"
                    + target.domain() + "' (catalog.domains." + target.subgraph() + "); nothing it sent was stored");
        }
    }
}
