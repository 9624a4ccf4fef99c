package io.meshcatalog.graph.model;

/** A business domain, such as {@code orders} or {@code shipping}. */
public record DomainId(String value) {

    public DomainId {
        Ids.require("domain id", value, Ids.SEGMENT_PATTERN, "<domain>");
    }

    @Override
    public String toString() {
        return value;
    }
}
