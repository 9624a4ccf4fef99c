package io.meshcatalog.graph.lineage;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the walks of one question found: every node at its nearest degree with one shortest path (as node keys, so
 * that hidden nodes can be masked once the answer's viewer is known), the product of each dataset, and the owners
 * of products and consumers the walks brought along.
 */
final class Reach {

    static final Comparator<Found> NEAREST_FIRST =
            Comparator.comparingInt(Found::degree).thenComparing(Found::kind).thenComparing(Found::id);

    /** A node of the answer before its viewer's masking. */
    record Found(
            NodeKind kind,
            String id,
            String name,
            String domain,
            int degree,
            List<NodeKey> path,
            boolean external,
            String product,
            boolean retired) {

        NodeKey key() {
            return new NodeKey(kind, id);
        }

        /** The node as {@code hidden}'s viewer sees it: hidden steps of its path masked. */
        LineageNode seenThrough(HiddenNodes hidden) {
            boolean named = (kind == NodeKind.DATASET || kind == NodeKind.PRODUCT)
                    && !product.isEmpty()
                    && !hidden.hides(new NodeKey(NodeKind.PRODUCT, product));
            return new LineageNode(
                    kind, id, name, domain, degree, hidden.mask(path), external, named ? product : null, retired);
        }
    }

    final NodeKey root;
    /** The items the walks started from: the root itself, or a product's datasets and columns. */
    final Set<NodeKey> starts = new LinkedHashSet<>();

    final Map<NodeKey, Found> nodes = new LinkedHashMap<>();
    final Map<String, String> productOfDataset = new HashMap<>();
    final Map<String, CatalogReader.OwnedBy> productOwners = new HashMap<>();
    /** Owners the walks brought along (walks on the server), so they need no statement of their own. */
    final Map<String, CatalogReader.OwnedBy> ownersFromWalks = new HashMap<>();

    final Map<String, CatalogReader.OwnedBy> consumerOwnersFromWalks = new HashMap<>();
    /** What the walks on the server judged of their nodes for the viewer. */
    final HiddenNodes.Verdicts verdicts = new HiddenNodes.Verdicts();

    boolean truncated;

    Reach(NodeRef root) {
        this.root = NodeKey.of(root);
    }

    void started(List<Traversal.Start> from) {
        from.forEach(start -> starts.add(new NodeKey(start.kind(), start.id())));
    }

    void add(Traversal.Walk walk) {
        walk.steps().forEach(this::add);
        truncated |= walk.truncated();
        ownersFromWalks.putAll(walk.owners());
        consumerOwnersFromWalks.putAll(walk.consumerOwners());
        verdicts.add(walk.verdicts());
    }

    void add(Traversal.Step step) {
        add(new Found(
                step.kind(),
                step.id(),
                step.name(),
                step.domain(),
                step.degree(),
                step.path(root),
                step.external(),
                step.product(),
                step.retired()));
    }

    void add(Found node) {
        keepNearest(nodes, node);
        if (node.kind() == NodeKind.DATASET && !node.product().isEmpty()) {
            productOfDataset.put(node.id(), node.product());
        }
    }

    List<Found> sorted() {
        return nodes.values().stream().sorted(NEAREST_FIRST).toList();
    }

    static void keepNearest(Map<NodeKey, Found> nodes, Found node) {
        nodes.merge(node.key(), node, (a, b) -> a.degree() <= b.degree() ? a : b);
    }
}
