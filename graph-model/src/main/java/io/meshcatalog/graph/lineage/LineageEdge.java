package io.meshcatalog.graph.lineage;

/**
 * One step of lineage between two items of an answer (or the items it starts from), in the direction data flows:
 * {@code from} feeds {@code to}, whichever way the question walked. Products are not ends: a product is reached
 * through the datasets it publishes.
 */
public record LineageEdge(NodeKey from, NodeKey to, Kind kind) {

    public enum Kind {
        /** A {@code FEEDS} relationship of the graph: a declared input, a job's run or column lineage. */
        FEEDS,
        /** A column and its own dataset: where a walk moves from a column to the dataset that holds it. */
        PART_OF,
        /** Through one or more items the viewer may not see, left out of the answer. */
        HIDDEN
    }
}
