package io.meshcatalog.gateway.catalog;

import graphql.schema.DataFetchingEnvironment;
import io.meshcatalog.gateway.execution.Caller;
import io.meshcatalog.gateway.execution.Role;
import io.meshcatalog.graph.access.ExampleAccess;
import io.meshcatalog.graph.descriptor.DescriptorLoader;
import io.meshcatalog.graph.health.HealthStatus;
import io.meshcatalog.graph.lineage.ChangeKind;
import io.meshcatalog.graph.lineage.Direction;
import io.meshcatalog.graph.lineage.FieldChange;
import io.meshcatalog.graph.lineage.LineageStore;
import io.meshcatalog.graph.lineage.NodeKind;
import io.meshcatalog.graph.lineage.NodeRef;
import io.meshcatalog.graph.lineage.SearchQuery;
import io.meshcatalog.graph.model.DomainDescriptor;
import io.meshcatalog.graph.model.FieldRef;
import io.meshcatalog.graph.vocabulary.CatalogDataset;
import io.meshcatalog.graph.vocabulary.CatalogField;
import io.meshcatalog.graph.vocabulary.CatalogProduct;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The catalog's resolvers: each reads its arguments, checks them against {@link CatalogLimits} and
 * asks the {@link LineageStore} one question. Typed ids (ProductId, FieldRef …) validate in their
 * constructors, so a malformed id fails here with the store's message naming it.
 */
final class CatalogFetchers {

    private final LineageStore store;
    private final CatalogVocabulary vocabulary;
    private final CatalogLimits limits;
    private final CatalogHarvester harvester;
    private final CatalogAccess access;
    private final DescriptorLoader loader = new DescriptorLoader();

    CatalogFetchers(
            LineageStore store,
            CatalogVocabulary vocabulary,
            CatalogLimits limits,
            CatalogHarvester harvester,
            CatalogAccess access) {
        this.store = store;
        this.vocabulary = vocabulary;
        this.limits = limits;
        this.harvester = harvester;
        this.access = access;
    }

    Object search(DataFetchingEnvironment env) {
        String text = env.getArgument("text");
        Map<String, Object> given = env.getArgument("filter");
        Map<String, Object> filter = given == null ? Map.of() : given;
        int first = limits.pageSize(env.getArgument("first"));
        int offset = Cursor.offsetAfter(env.getArgument("after"));
        Set<NodeKind> kinds = new LinkedHashSet<>();
        if (filter.get("kinds") instanceof List<?> list) {
            list.forEach(kind -> kinds.add(NodeKind.valueOf(kind.toString())));
        }
        SearchQuery query = new SearchQuery(
                text == null ? "" : text,
                string(filter, "domain"),
                string(filter, "owner"),
                string(filter, "tag"),
                string(filter, "classification"),
                string(filter, "status"),
                filter.get("health") instanceof String health ? HealthStatus.valueOf(health) : null,
                kinds,
                offset,
                first,
                env.getSelectionSet().contains("facets"));
        return CatalogViews.searchPage(store.search(CatalogAccess.viewer(env), query));
    }

    @Nullable
    Object dataProduct(DataFetchingEnvironment env) {
        String id = env.getArgument("id");
        return OperationReads.product(env, store, NodeRef.product(id).id())
                .map(CatalogViews::product)
                .orElse(null);
    }

    @Nullable
    Object dataset(DataFetchingEnvironment env) {
        String id = env.getArgument("id");
        return OperationReads.dataset(env, store, NodeRef.dataset(id).id())
                .map(CatalogViews::dataset)
                .orElse(null);
    }

    @Nullable
    Object field(DataFetchingEnvironment env) {
        String ref = env.getArgument("ref");
        return store.field(CatalogAccess.viewer(env), NodeRef.field(ref).id())
                .map(CatalogViews::field)
                .orElse(null);
    }

    Object lineage(DataFetchingEnvironment env) {
        NodeRef of = nodeRef(env.getArgument("of"));
        String direction = env.getArgument("direction");
        return CatalogViews.lineage(store.lineage(
                CatalogAccess.viewer(env),
                of,
                direction == null ? Direction.DOWNSTREAM : Direction.valueOf(direction),
                depth(env),
                edgesAsked(env)));
    }

    Object impact(DataFetchingEnvironment env) {
        return CatalogViews.impact(
                store.impact(CatalogAccess.viewer(env), nodeRef(env.getArgument("of")), depth(env), edgesAsked(env)));
    }

    /** Edges cost a statement over the whole answer: read only when the operation selects them. */
    private static boolean edgesAsked(DataFetchingEnvironment env) {
        return env.getSelectionSet().contains("edges");
    }

    Object changeImpact(DataFetchingEnvironment env) {
        List<Map<String, Object>> inputs = env.getArgument("changes");
        limits.changes(inputs == null ? 0 : inputs.size());
        List<FieldChange> changes = new ArrayList<>();
        for (Map<String, Object> input : inputs) {
            changes.add(new FieldChange(
                    new FieldRef((String) input.get("field")),
                    ChangeKind.valueOf((String) input.get("kind")),
                    string(input, "newName"),
                    string(input, "newType")));
        }
        return CatalogViews.changeImpact(store.changeImpact(CatalogAccess.viewer(env), changes, depth(env)));
    }

    /**
     * Checks a proposed descriptor of a domain against the one the catalog last harvested, as the caller may see it:
     * nothing is written. A descriptor that does not load is refused with every problem in it.
     */
    Object descriptorCheck(DataFetchingEnvironment env) {
        String text = limits.descriptor(Objects.requireNonNull(env.getArgument("descriptor")));
        DomainDescriptor proposed = loader.load("descriptor", text);
        DomainDescriptor current =
                vocabulary.descriptor(proposed.domain().id().value()).orElse(null);
        return CatalogViews.check(store.check(CatalogAccess.viewer(env), current, proposed, depth(env)));
    }

    /**
     * Harvests now: every domain, or {@code domain}, for admins; a domain member's own domains (those of its teams), or
     * one of them. Anyone else is refused, and nothing is harvested.
     */
    Object refreshCatalog(DataFetchingEnvironment env) {
        String domain = env.getArgument("domain");
        Caller caller = CatalogAccess.context(env).caller();
        if (domain != null && !harvester.domains().contains(domain)) {
            throw new java.util.NoSuchElementException(
                    "no subgraph publishes domain \"" + domain + "\"; the domains are " + harvester.domains());
        }
        Set<String> domains;
        if (caller.admin()) {
            domains = domain == null ? Set.copyOf(harvester.domains()) : Set.of(domain);
        } else if (caller.roles().contains(Role.DOMAIN_MEMBER)) {
            Set<String> own = vocabulary.domainsOwnedBy(caller.teams());
            if (domain != null && !own.contains(domain)) {
                throw access.deny(
                        env,
                        "refreshCatalog",
                        domain,
                        caller.name() + " is not a member of the team that owns domain " + domain + " (its teams: "
                                + caller.teams() + ")");
            }
            if (own.isEmpty()) {
                throw access.deny(
                        env,
                        "refreshCatalog",
                        "all domains",
                        "none of " + caller.name() + "'s teams " + caller.teams() + " owns a domain");
            }
            domains = domain == null ? own : Set.of(domain);
        } else {
            throw access.deny(
                    env,
                    "refreshCatalog",
                    domain == null ? "all domains" : domain,
                    "it is for domain members and admins; " + caller.name() + " has neither role");
        }
        return Map.of(
                "subgraphs",
                harvester.harvest(CatalogAccess.context(env), domains::contains).stream()
                        .map(HarvestOutcome::toMap)
                        .toList());
    }

    // DataProduct and Dataset: the source is the entity map with its "id".

    /** The product as its domain's harvested descriptor declares it, for vocabulary fields the graph lacks. */
    CatalogProduct declared(DataFetchingEnvironment env) {
        String id = source(env, "id");
        return vocabulary
                .index()
                .product(id)
                .orElseThrow(() -> new NotDeclaredException("product " + id
                        + ": the catalog holds no descriptor of its domain; refreshCatalog harvests it again"));
    }

    List<Map<String, @Nullable Object>> datasetsOf(DataFetchingEnvironment env) {
        return declared(env).datasets().stream().map(CatalogViews::dataset).toList();
    }

    /** The declared fields; for a dataset no descriptor declares, the fields lineage reported to the graph. */
    Object fields(DataFetchingEnvironment env) {
        String id = source(env, "id");
        return vocabulary
                .index()
                .dataset(id)
                .<Object>map(CatalogDataset::fields)
                .orElseGet(() -> OperationReads.dataset(env, store, id)
                        .map(d -> d.fields().stream()
                                .map(CatalogViews::reportedField)
                                .toList())
                        .orElse(List.of()));
    }

    String productIdOf(DataFetchingEnvironment env) {
        String productId = sourceOrNull(env, "productId");
        if (productId == null) {
            throw new NotDeclaredException("dataset " + source(env, "id")
                    + " is published by no product the catalog knows: it is known only from lineage");
        }
        return productId;
    }

    Object upstream(DataFetchingEnvironment env) {
        return CatalogViews.nodes(store.lineage(CatalogAccess.viewer(env), self(env), Direction.UPSTREAM, depth(env))
                .nodes());
    }

    Object downstream(DataFetchingEnvironment env) {
        return CatalogViews.nodes(store.lineage(CatalogAccess.viewer(env), self(env), Direction.DOWNSTREAM, depth(env))
                .nodes());
    }

    Object selfImpact(DataFetchingEnvironment env) {
        return CatalogViews.impact(store.impact(CatalogAccess.viewer(env), self(env), depth(env), edgesAsked(env)));
    }

    Object ownersToNotify(DataFetchingEnvironment env) {
        return CatalogViews.teams(
                store.impact(CatalogAccess.viewer(env), self(env), depth(env)).ownersToNotify());
    }

    Object history(DataFetchingEnvironment env) {
        String id = source(env, "id");
        return store.history(CatalogAccess.viewer(env), id, limits.history(env.getArgument("limit"))).stream()
                .map(CatalogViews::revision)
                .toList();
    }

    @Nullable
    Object productOf(DataFetchingEnvironment env) {
        String productId = sourceOrNull(env, "productId");
        return productId == null
                ? null
                : OperationReads.product(env, store, productId)
                        .map(CatalogViews::product)
                        .orElse(null);
    }

    @Nullable
    Object datasetOfField(DataFetchingEnvironment env) {
        String datasetId = sourceOrNull(env, "datasetId");
        return datasetId == null
                ? null
                : OperationReads.dataset(env, store, datasetId)
                        .map(CatalogViews::dataset)
                        .orElse(null);
    }

    @Nullable
    Object productOfField(DataFetchingEnvironment env) {
        String productId = productIdOfField(env);
        return productId == null
                ? null
                : OperationReads.product(env, store, productId)
                        .map(CatalogViews::product)
                        .orElse(null);
    }

    Object ownersOfField(DataFetchingEnvironment env) {
        String productId = productIdOfField(env);
        return productId == null
                ? List.of()
                : OperationReads.product(env, store, productId)
                        .map(product -> product.owners().stream()
                                .map(CatalogViews::team)
                                .toList())
                        .orElse(List.of());
    }

    private @Nullable String productIdOfField(DataFetchingEnvironment env) {
        String datasetId = sourceOrNull(env, "datasetId");
        return datasetId == null
                ? null
                : OperationReads.dataset(env, store, datasetId)
                        .map(d -> d.product())
                        .orElse(null);
    }

    /** A vocabulary field's example values as this request's viewer may see them. */
    ExampleAccess.Examples examples(DataFetchingEnvironment env) {
        return ((CatalogField) env.getSource()).examples(CatalogAccess.viewer(env));
    }

    /** The dataset or product a resolver runs on. */
    static NodeRef self(DataFetchingEnvironment env) {
        String id = source(env, "id");
        return "Dataset".equals(sourceOrNull(env, CatalogViews.TYPENAME)) ? NodeRef.dataset(id) : NodeRef.product(id);
    }

    private @Nullable Integer depth(DataFetchingEnvironment env) {
        return limits.depth("depth", env.getArgument("depth"));
    }

    private static NodeRef nodeRef(Map<String, Object> input) {
        return new NodeRef(NodeKind.valueOf((String) input.get("kind")), (String) input.get("id"));
    }

    private static String source(DataFetchingEnvironment env, String key) {
        String value = sourceOrNull(env, key);
        if (value == null) {
            throw new IllegalStateException("the catalog resolved an entity without " + key);
        }
        return value;
    }

    private static @Nullable String sourceOrNull(DataFetchingEnvironment env, String key) {
        return env.getSource() instanceof Map<?, ?> map && map.get(key) instanceof String value ? value : null;
    }

    private static @Nullable String string(Map<String, Object> map, String key) {
        return map.get(key) instanceof String value ? value : null;
    }
}
