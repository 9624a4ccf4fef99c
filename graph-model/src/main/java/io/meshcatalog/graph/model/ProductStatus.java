package io.meshcatalog.graph.model;

import java.util.Locale;

/** The life-cycle states of ODPS v1.0. */
public enum ProductStatus {
    PROPOSED, DRAFT, ACTIVE, DEPRECATED, RETIRED;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
