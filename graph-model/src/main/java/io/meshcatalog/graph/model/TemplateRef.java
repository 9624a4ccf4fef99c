package io.meshcatalog.graph.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a product comes from: the template ({@code id}, {@code version}) a domain instantiated it from and the values
 * it gave the template's parameters (strings, numbers, booleans, lists and maps of them), kept so that the catalog can
 * make the product again from any version of the template and say what the domain changed.
 */
public record TemplateRef(String id, String version, Map<String, Object> values) {

    public TemplateRef {
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** As people write it: {@code cdc-table@1.1.0}. */
    public String coordinates() {
        return id + "@" + version;
    }
}
