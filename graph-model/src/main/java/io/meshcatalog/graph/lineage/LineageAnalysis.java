package io.meshcatalog.graph.lineage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

/**
 * Lineage, impact and change impact over the graph. Datasets and consumers are walked along
 * dataset-level {@code FEEDS}, fields along field-level {@code FEEDS}; products are reached through
 * the datasets they publish, and take the smallest degree of those.
 */
final class LineageAnalysis {

    private static final Comparator<LineageNode> NEAREST_FIRST = Comparator.comparingInt(LineageNode::degree)
            .thenComparing(LineageNode::kind).thenComparing(LineageNode::id);

    private final Driver driver;
    private final CypherLog cypher;
    private final Traversal traversal;
    private final CatalogReader reader;
    private final TraversalLimits limits;

    LineageAnalysis(Driver driver, CypherLog cypher, CatalogReader reader, TraversalLimits limits) {
        this.driver = driver;
        this.cypher = cypher;
        this.traversal = new Traversal(driver, cypher);
        this.reader = reader;
        this.limits = limits;
    }

    LineageResult lineage(NodeRef root, Direction direction, @Nullable Integer requestedDepth) {
        int depth = limits.clampDepth(requestedDepth);
        NodeKind level = root.kind() == NodeKind.FIELD ? NodeKind.FIELD : NodeKind.DATASET;
        List<Traversal.Start> starts = starts(root).stream().filter(s -> s.kind() == level).toList();
        Traversal.Walk walk = traversal.walk(starts, direction, depth, limits.maxNodes());
        Map<String, LineageNode> nodes = new LinkedHashMap<>();
        walk.steps().forEach(step -> keepNearest(nodes, node(step, root)));
        if (level == NodeKind.DATASET) {
            addProducts(nodes, root);
        }
        return new LineageResult(root, direction, depth, sorted(nodes), walk.truncated());
    }

    ImpactReport impact(NodeRef root, @Nullable Integer requestedDepth) {
        int depth = limits.clampDepth(requestedDepth);
        Impact impact = downstream(root, depth);
        return new ImpactReport(root, depth, impact.nodes(), notify(impact.nodes()), impact.truncated());
    }

    ChangeImpactReport changeImpact(List<FieldChange> changes, @Nullable Integer requestedDepth) {
        int depth = limits.clampDepth(requestedDepth);
        Map<String, LineageNode> nodes = new LinkedHashMap<>();
        Map<String, List<String>> because = new HashMap<>();
        List<String> notes = new ArrayList<>();
        boolean truncated = false;
        for (FieldChange change : changes) {
            FieldView field = reader.field(change.field().value()).filter(f -> !f.placeholder())
                    .orElseThrow(() -> new UnknownNodeException(NodeRef.field(change.field().value())));
            if (change.kind() == ChangeKind.RETYPE && field.logicalType().equalsIgnoreCase(change.newType())) {
                notes.add(field.id() + " is already of type " + field.logicalType() + "; retyping it changes nothing");
                continue;
            }
            Impact impact = downstream(NodeRef.field(field.id()), depth);
            truncated |= impact.truncated();
            for (LineageNode node : impact.nodes()) {
                keepNearest(nodes, node);
                because.computeIfAbsent(key(node), k -> new ArrayList<>())
                        .add("downstream of " + field.id() + " (degree " + node.degree() + "), which is "
                                + change.describe());
            }
            if (impact.nodes().isEmpty()) {
                notes.add("nothing in the catalog is derived from " + field.id() + " or reads its dataset");
            }
        }
        List<LineageNode> broken = sorted(nodes);
        List<BrokenItem> breaks = broken.stream().map(node -> new BrokenItem(node, because.get(key(node)))).toList();
        return new ChangeImpactReport(changes, breaks, notify(broken), notes, truncated);
    }

    private record Impact(List<LineageNode> nodes, boolean truncated) {
    }

    private Impact downstream(NodeRef root, int depth) {
        List<Traversal.Start> starts = starts(root);
        Map<String, LineageNode> nodes = new LinkedHashMap<>();
        List<Traversal.Start> fieldStarts = starts.stream().filter(s -> s.kind() == NodeKind.FIELD).toList();
        Traversal.Walk fields = traversal.walk(fieldStarts, Direction.DOWNSTREAM, depth, limits.maxNodes());
        fields.steps().forEach(step -> keepNearest(nodes, node(step, root)));

        List<Traversal.Start> datasetStarts = new ArrayList<>(
                starts.stream().filter(s -> s.kind() == NodeKind.DATASET).toList());
        if (root.kind() == NodeKind.FIELD) {
            for (Traversal.Start start : datasetsOfFields(fields, nodes, root)) {
                datasetStarts.add(start);
            }
        }
        Traversal.Walk datasets = traversal.walk(datasetStarts, Direction.DOWNSTREAM, depth, limits.maxNodes());
        datasets.steps().forEach(step -> keepNearest(nodes, node(step, root)));
        boolean truncated = fields.truncated() || datasets.truncated();
        if (root.kind() == NodeKind.FIELD) {
            // whoever reads the field's own dataset may read the field
            Traversal.Walk readers = traversal.walk(starts(NodeRef.dataset(root.id().substring(0,
                    root.id().lastIndexOf('.')))), Direction.DOWNSTREAM, 1, limits.maxNodes());
            readers.steps().stream().filter(step -> step.kind() == NodeKind.CONSUMER)
                    .forEach(step -> keepNearest(nodes, node(step, root)));
            truncated |= readers.truncated();
        }
        addProducts(nodes, root);
        return new Impact(sorted(nodes), truncated);
    }

    /**
     * Datasets that hold a reached field are impacted at that field's degree, and join the
     * dataset-level walk there so that their consumers and dependents are found too.
     */
    private List<Traversal.Start> datasetsOfFields(Traversal.Walk fields, Map<String, LineageNode> nodes,
            NodeRef root) {
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
            keepNearest(nodes, new LineageNode(NodeKind.DATASET, row.get("id").asString(), row.get("name").asString(),
                    row.get("domain").asString(), field.degree(), field.path(root.id()), false));
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
     * path; a product is not downstream of itself.
     */
    private void addProducts(Map<String, LineageNode> nodes, NodeRef root) {
        Map<String, LineageNode> datasets = new HashMap<>();
        nodes.values().stream().filter(n -> n.kind() == NodeKind.DATASET).forEach(n -> datasets.put(n.id(), n));
        if (datasets.isEmpty()) {
            return;
        }
        for (Record row : cypher.read(driver, "producers", Map.of("datasetIds", List.copyOf(datasets.keySet())))
                .records()) {
            String product = row.get("id").asString();
            if (root.kind() == NodeKind.PRODUCT && root.id().equals(product)) {
                continue;
            }
            LineageNode via = datasets.get(row.get("dataset").asString());
            keepNearest(nodes, new LineageNode(NodeKind.PRODUCT, product, row.get("name").asString(),
                    row.get("domain").asString(), via.degree(), via.path(), false));
        }
    }

    /** The teams owning impacted products and consumers, each once, nearest impact first. */
    private List<TeamToNotify> notify(List<LineageNode> impacted) {
        Map<String, LineageNode> byId = new HashMap<>();
        impacted.forEach(node -> byId.putIfAbsent(node.id(), node));
        List<String> products = ids(impacted, NodeKind.PRODUCT);
        List<String> consumers = ids(impacted, NodeKind.CONSUMER);
        List<Map.Entry<String, Owner>> owners = new ArrayList<>();
        if (!products.isEmpty()) {
            owners.addAll(reader.ownersOf("product-owners", "productIds", products));
        }
        if (!consumers.isEmpty()) {
            owners.addAll(reader.ownersOf("consumer-owners", "consumerIds", consumers));
        }
        Map<String, List<Map.Entry<String, Owner>>> byTeam = owners.stream()
                .collect(Collectors.groupingBy(entry -> entry.getValue().team(), LinkedHashMap::new,
                        Collectors.toList()));
        List<TeamToNotify> teams = new ArrayList<>();
        byTeam.forEach((team, entries) -> {
            List<LineageNode> affected = entries.stream().map(entry -> byId.get(entry.getKey())).distinct()
                    .sorted(NEAREST_FIRST).toList();
            teams.add(new TeamToNotify(team, entries.get(0).getValue().members(),
                    affected.stream().map(LineageNode::id).toList(), affected.get(0).degree()));
        });
        teams.sort(Comparator.comparingInt(TeamToNotify::nearestDegree).thenComparing(TeamToNotify::team));
        return teams;
    }

    private static List<String> ids(List<LineageNode> nodes, NodeKind kind) {
        return nodes.stream().filter(n -> n.kind() == kind).map(LineageNode::id).distinct().toList();
    }

    private static LineageNode node(Traversal.Step step, NodeRef root) {
        return new LineageNode(step.kind(), step.id(), step.name(), step.domain(), step.degree(),
                step.path(root.id()), step.external());
    }

    private static void keepNearest(Map<String, LineageNode> nodes, LineageNode node) {
        nodes.merge(key(node), node, (a, b) -> a.degree() <= b.degree() ? a : b);
    }

    private static String key(LineageNode node) {
        return node.kind() + ":" + node.id();
    }

    private static List<LineageNode> sorted(Map<String, LineageNode> nodes) {
        return nodes.values().stream().sorted(NEAREST_FIRST).toList();
    }
}
