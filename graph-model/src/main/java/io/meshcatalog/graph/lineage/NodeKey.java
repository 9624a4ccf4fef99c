package io.meshcatalog.graph.lineage;

/**
 * An item's identity in an answer: its kind and id. A product and the dataset it publishes may share an id
 * ({@code orders.orders}), so the id alone is not enough.
 */
public record NodeKey(NodeKind kind, String id) {

    static NodeKey of(LineageNode node) {
        return new NodeKey(node.kind(), node.id());
    }

    static NodeKey of(NodeRef ref) {
        return new NodeKey(ref.kind(), ref.id());
    }
}
