package io.meshcatalog.graph.model;

import java.util.regex.Pattern;

/** A data product, {@code <domain>.<product>}, for example {@code shipping.delay_predictions}. */
public record ProductId(String value) {

    private static final Pattern PATTERN = Pattern.compile(Ids.SEGMENT + "\\." + Ids.SEGMENT);

    public ProductId {
        Ids.require("product id", value, PATTERN, "<domain>.<product>");
    }

    public static ProductId of(DomainId domain, String name) {
        return new ProductId(domain.value() + "." + name);
    }

    public DomainId domain() {
        return new DomainId(value.substring(0, value.indexOf('.')));
    }

    @Override
    public String toString() {
        return value;
    }
}
