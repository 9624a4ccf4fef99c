package io.meshcatalog.graph.procedures.search;

import java.util.HashSet;
import java.util.Set;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.event.LabelEntry;
import org.neo4j.graphdb.event.PropertyEntry;
import org.neo4j.graphdb.event.TransactionData;

/**
 * What one committed transaction changed that the search index keeps: the nodes to read again (each with what hangs off
 * it: see {@link SearchIndexer}) and the catalog nodes deleted. Told while the transaction is still open, so the changed
 * nodes can be read.
 *
 * @param seeds the nodes whose documents, or whose dependants' documents, may have changed
 * @param deleted the catalog nodes deleted
 */
record SearchChanges(Set<Long> seeds, Set<Long> deleted) {

    /** Labels whose nodes' properties or presence a document reads. */
    static final Set<String> LABELS = Set.of("DataProduct", "Dataset", "Field", "Consumer", "Team", "Domain");

    boolean isEmpty() {
        return seeds.isEmpty() && deleted.isEmpty();
    }

    @SuppressWarnings("removal")
    static SearchChanges of(TransactionData data) {
        Set<Long> seeds = new HashSet<>();
        Set<Long> deleted = new HashSet<>();
        // a deleted node's labels are among the removed ones; a created node's among the assigned ones
        for (LabelEntry entry : data.assignedLabels()) {
            seedLabelled(entry, seeds);
        }
        for (LabelEntry entry : data.removedLabels()) {
            seedLabelled(entry, data.isDeleted(entry.node()) ? deleted : seeds);
        }
        Set<Node> looked = new HashSet<>();
        for (PropertyEntry<Node> entry : data.assignedNodeProperties()) {
            seedKept(data, entry, looked, seeds);
        }
        for (PropertyEntry<Node> entry : data.removedNodeProperties()) {
            seedKept(data, entry, looked, seeds);
        }
        for (Relationship relationship : data.createdRelationships()) {
            seedEnds(data, relationship, seeds);
        }
        for (Relationship relationship : data.deletedRelationships()) {
            seedEnds(data, relationship, seeds);
        }
        seeds.removeAll(deleted);
        return new SearchChanges(seeds, deleted);
    }

    @SuppressWarnings("removal")
    private static void seedLabelled(LabelEntry entry, Set<Long> seeds) {
        if (LABELS.contains(entry.label().name())) {
            seeds.add(entry.node().getId());
        }
    }

    @SuppressWarnings("removal")
    private static void seedKept(TransactionData data, PropertyEntry<Node> entry, Set<Node> looked, Set<Long> seeds) {
        Node node = entry.entity();
        if (SearchDocuments.PROPERTIES.contains(entry.key()) && !data.isDeleted(node) && looked.add(node)) {
            for (Label label : node.getLabels()) {
                if (LABELS.contains(label.name())) {
                    seeds.add(node.getId());
                    return;
                }
            }
        }
    }

    /** The end whose documents a relationship of its type changes: the owned, the published, the field, the fed. */
    @SuppressWarnings("removal")
    private static void seedEnds(TransactionData data, Relationship relationship, Set<Long> seeds) {
        switch (relationship.getType().name()) {
            case "PRODUCES", "PRODUCED" -> {
                seeds.add(relationship.getStartNodeId());
                seeds.add(relationship.getEndNodeId());
            }
            case "OWNED_BY", "IN_DOMAIN" -> seeds.add(relationship.getStartNodeId());
            case "HAS_FIELD" -> seeds.add(relationship.getEndNodeId());
            case "FEEDS" -> {
                // a consumer's document reads what feeds it, and so does a dataset's that no product publishes (a
                // deleted one is among the deleted nodes)
                Node fed = relationship.getEndNode();
                if (!data.isDeleted(fed)
                        && (fed.hasLabel(SearchDocuments.CONSUMER)
                                || (fed.hasLabel(SearchDocuments.DATASET) && SearchDocuments.unpublished(fed)))) {
                    seeds.add(fed.getId());
                }
            }
            default -> {}
        }
    }
}
