package io.meshcatalog.graph.model;

import java.util.regex.Pattern;

/** A dataset (an ODCS schema object), {@code <domain>.<dataset>}, for example {@code orders.returns}. */
public record DatasetId(String value) {

    private static final Pattern PATTERN = Pattern.compile(Ids.SEGMENT + "\\." + Ids.SEGMENT);

    public DatasetId {
        Ids.require("dataset id", value, PATTERN, "<domain>.<dataset>");
    }

    public static DatasetId of(DomainId domain, String name) {
        return new DatasetId(domain.value() + "." + name);
    }

    public DomainId domain() {
        return new DomainId(value.substring(0, value.indexOf('.')));
    }

    public String name() {
        return value.substring(value.indexOf('.') + 1);
    }

    public FieldRef field(String fieldName) {
        return new FieldRef(value + "." + fieldName);
    }

    @Override
    public String toString() {
        return value;
    }
}
