package io.meshcatalog.graph.model;

import java.util.regex.Pattern;

/** A field of a dataset, {@code <domain>.<dataset>.<field>}, for example {@code orders.orders.shipped_on}. */
public record FieldRef(String value) {

    private static final Pattern PATTERN = Pattern.compile(Ids.SEGMENT + "\\." + Ids.SEGMENT + "\\." + Ids.SEGMENT);

    public FieldRef {
        Ids.require("field reference", value, PATTERN, "<domain>.<dataset>.<field>");
    }

    public DatasetId dataset() {
        return new DatasetId(value.substring(0, value.lastIndexOf('.')));
    }

    public String name() {
        return value.substring(value.lastIndexOf('.') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
