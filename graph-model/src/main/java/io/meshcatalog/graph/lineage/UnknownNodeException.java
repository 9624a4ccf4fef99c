package io.meshcatalog.graph.lineage;

/** A question about a product, dataset or field the catalog does not know. */
public final class UnknownNodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownNodeException(NodeRef ref) {
        super("the catalog has no " + ref);
    }
}
