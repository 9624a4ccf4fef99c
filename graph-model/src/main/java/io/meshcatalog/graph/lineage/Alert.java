package io.meshcatalog.graph.lineage;

/**
 * Something the teams downstream of {@code subject} are to be told: its latest run FAILING, it turning LATE, or a
 * harvest BREAKING its schema. Raised once per id, turned into one notification per team to tell.
 *
 * @param subjectKind DATASET or PRODUCT
 */
public record Alert(
        String id, String kind, NodeKind subjectKind, String subject, String product, String reason, String at) {

    /** The lineage node whose downstream is told. */
    public NodeRef node() {
        return new NodeRef(subjectKind, subject);
    }
}
