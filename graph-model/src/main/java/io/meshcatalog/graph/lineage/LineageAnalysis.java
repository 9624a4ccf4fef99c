package io.meshcatalog.graph.lineage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

/**
 * Lineage, impact and change impact over the graph. Datasets and consumers are walked along
 * dataset-level {@code FEEDS}, fields along field-level {@code FEEDS}; products are reached through
 * the datasets they publish, and take the smallest degree of those. Products, their names and their
 * owners are read in one statement per answer, after the walk.
 */
final class LineageAnalysis {

    private static final Comparator<LineageNode> NEAREST_FIRST = Comparator.comparingInt(LineageNode::degree)
            .thenComparing(LineageNode::kind).thenComparing(LineageNode::id);

    private final Driver driver;
    private final CypherLog cypher;
    private final Traversal traversal;
    private final CatalogReader reader;
    private final TraversalLimits limits;

    private final ServerProcedures procedures;

    LineageAnalysis(Driver driver, CypherLog cypher, CatalogReader reader, TraversalLimits limits,
            ServerProcedures procedures) {
        this.driver = driver;
        this.cypher = cypher;
        this.procedures = procedures;
        this.traversal = new Traversal(driver, cypher, procedures);
        this.reader = reader;
        this.limits = limits;
    }

    LineageResult lineage(NodeRef root, Direction direction, @Nullable Integer requestedDepth) {
        int depth = limits.clampDepth(requestedDepth);
        NodeKind level = root.kind() == NodeKind.FIELD ? NodeKind.FIELD : NodeKind.DATASET;
        List<Traversal.Start> starts = starts(root).stream().filter(s -> s.kind() == level).toList();
        Reach reach = new Reach(root);
        reach.add(traversal.walk(starts, direction, depth, limits.maxNodes()));
        if (level == NodeKind.DATASET) {
            addProducts(reach);
        }
        return new LineageResult(root, direction, depth, reach.sorted(), reach.truncated);
    }

    ImpactReport impact(NodeRef root, @Nullable Integer requestedDepth) {
        int depth = limits.clampDepth(requestedDepth);
        Reach reach = downstream(root, depth);
        List<LineageNode> nodes = reach.sorted();
        return new ImpactReport(root, depth, nodes, notify(nodes, reach.productOwners, reach.consumerOwnersFromWalks),
                reach.truncated);
    }

    ChangeImpactReport changeImpact(List<FieldChange> changes, @Nullable Integer requestedDepth) {
        int depth = limits.clampDepth(requestedDepth);
        Map<Key, LineageNode> nodes = new LinkedHashMap<>();
        Map<Key, List<String>> because = new HashMap<>();
        Map<String, CatalogReader.OwnedBy> productOwners = new HashMap<>();
        Map<String, CatalogReader.OwnedBy> consumerOwners = new HashMap<>();
        List<String> notes = new ArrayList<>();
        boolean truncated = false;
        for (FieldChange change : changes) {
            FieldView field = reader.field(change.field().value()).filter(f -> !f.placeholder())
                    .orElseThrow(() -> new UnknownNodeException(NodeRef.field(change.field().value())));
            if (change.kind() == ChangeKind.RETYPE && field.logicalType().equalsIgnoreCase(change.newType())) {
                notes.add(field.id() + " is already of type " + field.logicalType() + "; retyping it changes nothing");
                continue;
            }
            Reach reach = downstream(NodeRef.field(field.id()), depth);
            truncated |= reach.truncated;
            productOwners.putAll(reach.productOwners);
            consumerOwners.putAll(reach.consumerOwnersFromWalks);
            List<LineageNode> reached = reach.sorted();
            for (LineageNode node : reached) {
                keepNearest(nodes, node);
                because.computeIfAbsent(key(node), k -> new ArrayList<>())
                        .add("downstream of " + field.id() + " (degree " + node.degree() + "), which is "
                                + change.describe());
            }
            if (reached.isEmpty()) {
                notes.add("nothing in the catalog is derived from " + field.id() + " or reads its dataset");
            }
        }
        List<LineageNode> broken = nodes.values().stream().sorted(NEAREST_FIRST).toList();
        List<BrokenItem> breaks = broken.stream().map(node -> new BrokenItem(node, because.get(key(node)))).toList();
        return new ChangeImpactReport(changes, breaks, notify(broken, productOwners, consumerOwners), notes, truncated);
    }

    /** What a walk found: nodes at their nearest degree, the product of each dataset, the products' owners. */
    private static final class Reach {

        private final NodeRef root;
        private final Map<Key, LineageNode> nodes = new LinkedHashMap<>();
        private final Map<String, String> productOfDataset = new HashMap<>();
        private final Map<String, CatalogReader.OwnedBy> productOwners = new HashMap<>();
        /** Owners the walks brought along (walks on the server), so they need no statement of their own. */
        private final Map<String, CatalogReader.OwnedBy> ownersFromWalks = new HashMap<>();
        private final Map<String, CatalogReader.OwnedBy> consumerOwnersFromWalks = new HashMap<>();
        private boolean truncated;

        Reach(NodeRef root) {
            this.root = root;
        }

        void add(Traversal.Walk walk) {
            walk.steps().forEach(this::add);
            truncated |= walk.truncated();
            ownersFromWalks.putAll(walk.owners());
            consumerOwnersFromWalks.putAll(walk.consumerOwners());
        }

        void add(Traversal.Step step) {
            add(new LineageNode(step.kind(), step.id(), step.name(), step.domain(), step.degree(),
                    step.path(root.id()), step.external()), step.product());
        }

        void add(LineageNode node, String product) {
            keepNearest(nodes, node);
            if (node.kind() == NodeKind.DATASET && !product.isEmpty()) {
                productOfDataset.put(node.id(), product);
            }
        }

        List<LineageNode> sorted() {
            return nodes.values().stream().sorted(NEAREST_FIRST).toList();
        }
    }

    private Reach downstream(NodeRef root, int depth) {
        List<Traversal.Start> starts = starts(root);
        Reach reach = new Reach(root);
        List<Traversal.Start> fieldStarts = starts.stream().filter(s -> s.kind() == NodeKind.FIELD).toList();
        Traversal.Walk fields = traversal.walk(fieldStarts, Direction.DOWNSTREAM, depth, limits.maxNodes());
        reach.add(fields);

        List<Traversal.Start> datasetStarts = new ArrayList<>(
                starts.stream().filter(s -> s.kind() == NodeKind.DATASET).toList());
        if (root.kind() == NodeKind.FIELD) {
            datasetStarts.addAll(datasetsOfFields(fields, reach));
        }
        reach.add(traversal.walk(datasetStarts, Direction.DOWNSTREAM, depth, limits.maxNodes()));
        if (root.kind() == NodeKind.FIELD) {
            // whoever reads the field's own dataset may read the field
            String dataset = root.id().substring(0, root.id().lastIndexOf('.'));
            List<Traversal.Start> ownDataset = starts(NodeRef.dataset(dataset)).stream()
                    .filter(s -> s.kind() == NodeKind.DATASET).toList();
            Traversal.Walk near = traversal.neighbours(ownDataset, Direction.DOWNSTREAM, limits.maxNodes());
            near.steps().stream().filter(step -> step.kind() == NodeKind.CONSUMER).forEach(reach::add);
            reach.consumerOwnersFromWalks.putAll(near.consumerOwners());
        }
        addProducts(reach);
        return reach;
    }

    /**
     * Datasets that hold a reached field are impacted at that field's degree, and join the
     * dataset-level walk there so that their consumers and dependents are found too.
     */
    private List<Traversal.Start> datasetsOfFields(Traversal.Walk fields, Reach reach) {
        Map<String, Traversal.Step> nearestField = new TreeMap<>();
        for (Traversal.Step step : fields.steps()) {
            nearestField.merge(step.dataset(), step, (a, b) -> a.degree() <= b.degree() ? a : b);
        }
        if (nearestField.isEmpty()) {
            return List.of();
        }
        List<Traversal.Start> starts = new ArrayList<>();
        for (Record row : cypher.read(driver, "start-datasets", Map.of("ids", List.copyOf(nearestField.keySet())))
                .records()) {
            Traversal.Step field = nearestField.get(row.get("id").asString());
            reach.add(new LineageNode(NodeKind.DATASET, row.get("id").asString(), row.get("name").asString(),
                    row.get("domain").asString(), field.degree(), field.path(reach.root.id()), false),
                    row.get("product").asString());
            starts.add(new Traversal.Start(row.get("element").asString(), NodeKind.DATASET, row.get("id").asString(),
                    field.degree(), field));
        }
        return starts;
    }

    private List<Traversal.Start> starts(NodeRef root) {
        String statement = "start-" + root.kind().name().toLowerCase(Locale.ROOT);
        List<Traversal.Start> starts = cypher.read(driver, statement, Map.of("id", root.id())).records().stream()
                .map(row -> new Traversal.Start(row.get("element").asString(),
                        NodeKind.valueOf(row.get("kind").asString()), row.get("id").asString(), 0, null))
                .toList();
        if (starts.isEmpty()) {
            throw new UnknownNodeException(root);
        }
        return starts;
    }

    /**
     * Adds the products publishing the reached datasets, each at its nearest dataset's degree and
     * path, and keeps their owners for the notification list; a product is not downstream of itself.
     */
    private void addProducts(Reach reach) {
        Map<String, LineageNode> nearestDataset = new HashMap<>();
        reach.productOfDataset.forEach((dataset, product) -> {
            if (reach.root.kind() != NodeKind.PRODUCT || !reach.root.id().equals(product)) {
                nearestDataset.merge(product, reach.nodes.get(new Key(NodeKind.DATASET, dataset)),
                        (a, b) -> NEAREST_FIRST.compare(a, b) <= 0 ? a : b);
            }
        });
        List<String> productIds = List.copyOf(nearestDataset.keySet());
        for (CatalogReader.OwnedBy product : owners(reach.ownersFromWalks, "product-owners", "productIds",
                productIds)) {
            LineageNode via = nearestDataset.get(product.id());
            keepNearest(reach.nodes, new LineageNode(NodeKind.PRODUCT, product.id(), product.name(),
                    product.owner().domain(), via.degree(), via.path(), false));
            reach.productOwners.put(product.id(), product);
        }
    }

    /** The teams owning impacted products and consumers, each once, nearest impact first. */
    private List<TeamToNotify> notify(List<LineageNode> impacted, Map<String, CatalogReader.OwnedBy> productOwners,
            Map<String, CatalogReader.OwnedBy> consumerOwnersFromWalks) {
        Map<Key, LineageNode> byId = new HashMap<>();
        impacted.forEach(node -> byId.putIfAbsent(key(node), node));
        List<Map.Entry<LineageNode, Owner>> owners = new ArrayList<>();
        for (LineageNode node : impacted) {
            CatalogReader.OwnedBy owned = node.kind() == NodeKind.PRODUCT ? productOwners.get(node.id()) : null;
            if (owned != null) {
                owners.add(Map.entry(node, owned.owner()));
            }
        }
        List<String> consumers = impacted.stream().filter(n -> n.kind() == NodeKind.CONSUMER).map(LineageNode::id)
                .distinct().toList();
        for (CatalogReader.OwnedBy owned : owners(consumerOwnersFromWalks, "consumer-owners", "consumerIds",
                consumers)) {
            owners.add(Map.entry(byId.get(new Key(NodeKind.CONSUMER, owned.id())), owned.owner()));
        }
        Map<String, List<Map.Entry<LineageNode, Owner>>> byTeam = owners.stream()
                .collect(Collectors.groupingBy(entry -> entry.getValue().team(), LinkedHashMap::new,
                        Collectors.toList()));
        List<TeamToNotify> teams = new ArrayList<>();
        byTeam.forEach((team, entries) -> {
            // impacted holds each node once and each node has one owner: no duplicates to remove
            List<LineageNode> affected = entries.stream().map(Map.Entry::getKey).sorted(NEAREST_FIRST).toList();
            teams.add(new TeamToNotify(team, entries.get(0).getValue().members(),
                    affected.stream().map(LineageNode::id).toList(), affected.get(0).degree()));
        });
        teams.sort(Comparator.comparingInt(TeamToNotify::nearestDegree).thenComparing(TeamToNotify::team));
        return teams;
    }

    /**
     * The owners of {@code ids}: those the walks brought along when they ran inside Neo4j, otherwise
     * read with {@code statement}.
     */
    private List<CatalogReader.OwnedBy> owners(Map<String, CatalogReader.OwnedBy> fromWalks, String statement,
            String parameter, List<String> ids) {
        return procedures.available() ? ids.stream().map(fromWalks::get).filter(Objects::nonNull).toList()
                : reader.ownedBy(statement, parameter, ids);
    }

    private static void keepNearest(Map<Key, LineageNode> nodes, LineageNode node) {
        nodes.merge(key(node), node, (a, b) -> a.degree() <= b.degree() ? a : b);
    }

    /** A node's identity in an answer: its kind and id (not its path or degree, which the node record compares). */
    private record Key(NodeKind kind, String id) {
    }

    private static Key key(LineageNode node) {
        return new Key(node.kind(), node.id());
    }
}
