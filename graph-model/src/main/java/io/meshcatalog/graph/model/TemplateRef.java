package io.meshcatalog.graph.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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

    /** Why values hold no {@code examples}. */
    public static final String NO_EXAMPLES =
            "examples are added to the product's fields after instantiating, not given "
                    + "as template values: who may read a field's examples depends on its classification, and a template's "
                    + "values are shown to whoever sees the product";

    /**
     * Where {@code values} hold {@code examples} (such as {@code columns[0].examples}), which they may not: example
     * values are governed by who may read them, and a product's template values are not.
     */
    public static List<String> examplesIn(Object values) {
        List<String> found = new ArrayList<>();
        examplesIn(values, "", found);
        return found;
    }

    private static void examplesIn(Object value, String path, List<String> found) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> {
                String at = path.isEmpty() ? String.valueOf(key) : path + "." + key;
                if ("examples".equals(key)) {
                    found.add(at);
                } else if (item != null) {
                    examplesIn(item, at, found);
                }
            });
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) != null) {
                    examplesIn(list.get(i), path + "[" + i + "]", found);
                }
            }
        }
    }

    /** As people write it: {@code cdc-table@1.1.0}. */
    public String coordinates() {
        return id + "@" + version;
    }
}
