package io.meshcatalog.gateway.catalog;

import io.meshcatalog.graph.descriptor.DescriptorLoader;
import io.meshcatalog.graph.lineage.LineageStore;
import io.meshcatalog.graph.lineage.UpsertOutcome;
import io.meshcatalog.graph.model.DomainDescriptor;
import io.meshcatalog.gateway.audit.AuditEvent;
import io.meshcatalog.gateway.audit.AuditKind;
import io.meshcatalog.gateway.audit.AuditLog;
import io.meshcatalog.gateway.execution.RequestContext;
import java.time.Clock;
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
 * harvest. One harvest at a time: the schedule and {@code refreshCatalog} never interleave.
 *
 * <p>Each subgraph is bound to one domain ({@code catalog.domains.<subgraph>}, by default its own name): a subgraph
 * that publishes another domain's descriptor, by mistake or to take it over, fails its harvest and the stored domain
 * is left as it was.
 */
public final class CatalogHarvester {

  private static final Logger LOG = LoggerFactory.getLogger(CatalogHarvester.class);

  private final Supplier<List<Target>> subgraphs;
  private final ContractFetcher fetcher;
  private final DescriptorLoader loader;
  private final LineageStore store;
  private final CatalogVocabulary vocabulary;
  private final AuditLog audit;
  private final Clock clock;

  /** One subgraph to harvest: the only domain it may publish, where it is reached and the headers configured for it. */
  record Target(String subgraph, String domain, String url, Map<String, String> headers) {
  }

  /**
   * @param subgraphs the subgraphs to harvest, read at each harvest (the supergraph may change)
   */
  CatalogHarvester(Supplier<List<Target>> subgraphs, ContractFetcher fetcher, DescriptorLoader loader,
      LineageStore store, CatalogVocabulary vocabulary, AuditLog audit, Clock clock) {
    this.subgraphs = subgraphs;
    this.fetcher = fetcher;
    this.loader = loader;
    this.store = store;
    this.vocabulary = vocabulary;
    this.audit = audit;
    this.clock = clock;
  }

  /** Harvests all subgraphs now, on the gateway's own behalf (the schedule), one outcome each, in supergraph order. */
  public List<HarvestOutcome> harvest() {
    return harvest(RequestContext.internal("gateway"), domain -> true);
  }

  /**
   * Harvests the subgraphs bound to the domains {@code which} accepts, for {@code by}; each outcome is in the audit
   * log before this returns.
   */
  public synchronized List<HarvestOutcome> harvest(RequestContext by, Predicate<String> which) {
    List<HarvestOutcome> outcomes = new ArrayList<>();
    subgraphs.get().stream().filter(target -> which.test(target.domain())).forEach(target -> {
      HarvestOutcome outcome = harvest(target, "harvest of subgraph " + target.subgraph() + " by " + by.caller().name());
      record(by, outcome);
      outcomes.add(outcome);
    });
    vocabulary.refresh();
    return outcomes;
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
    audit.append(new AuditEvent(clock.instant(), AuditKind.HARVEST, by.caller().name(), by.source(),
        outcome.subgraph(), outcome.ok() ? AuditEvent.SUCCESS : AuditEvent.FAILURE, details)).join();
    HarvestMeters.record(outcome, clock.instant());
  }

  private HarvestOutcome harvest(Target target, String harvest) {
    String subgraph = target.subgraph();
    try {
      ContractFetcher.Contract contract = fetcher.fetch(subgraph, target.url(), target.headers());
      DomainDescriptor descriptor = loader.load("catalogContract of subgraph " + subgraph, contract.descriptorYaml());
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
      LOG.info("Harvested subgraph {} (domain {}): {} created, {} updated, {} unchanged, {} retired", subgraph,
          contract.domain(), created, updated, unchanged, retired);
      return HarvestOutcome.ok(subgraph, contract.domain(), created, updated, unchanged, retired);
    } catch (RuntimeException e) {
      LOG.warn("Harvest of subgraph {} failed, its products are kept as last known: {}", subgraph, e.getMessage());
      return HarvestOutcome.failed(subgraph, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  private static void requireBoundDomain(Target target, ContractFetcher.Contract contract, DomainDescriptor descriptor) {
    String published = descriptor.domain().id().value();
    if (!published.equals(target.domain()) || !contract.domain().equals(target.domain())) {
      throw new IllegalStateException("subgraph " + target.subgraph() + " published domain '"
          + (published.equals(target.domain()) ? contract.domain() : published) + "' but is bound to domain '"
          + target.domain() + "' (catalog.domains." + target.subgraph() + "); nothing it sent was stored");
    }
  }
}
