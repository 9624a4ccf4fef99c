package io.meshcatalog.graph.template;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.meshcatalog.graph.model.TemplateRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A template's parameters: a JSON Schema (draft 2020-12) of the values a domain gives, checked against the draft's
 * meta-schema when the template is read and applied by a well-kept validator (networknt json-schema-validator) when
 * it is instantiated. A schema refers only to itself ({@code $ref: '#/...'}): nothing is fetched from elsewhere.
 */
final class ParameterSchema {

    /** How large the values of one instantiation may be, written as JSON. */
    static final int MAX_VALUES_CHARS = 64 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Schema META =
            REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    private static final Set<String> REFERENCES = Set.of("$ref", "$dynamicRef");
    private static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private final Map<String, Object> schema;
    private final Schema compiled;

    private ParameterSchema(Map<String, Object> schema, Schema compiled) {
        this.schema = schema;
        this.compiled = compiled;
    }

    /**
     * The schema {@code declared}, or the problems that stop it being one, each with the path inside the schema
     * (such as {@code properties.table.type}) it is about.
     */
    static ParameterSchema of(Map<String, Object> declared, Map<String, String> problems) {
        externalReferences(declared, "", problems);
        if (!"object".equals(declared.get("type"))) {
            problems.put("type", "parameters are a JSON Schema of an object: type: object");
        }
        if (!(declared.get("properties") instanceof Map<?, ?>)) {
            problems.put("properties", "parameters declare their properties (the parameter names)");
        }
        JsonNode node = JSON.valueToTree(declared);
        for (Error error : META.validate(node)) {
            problems.put(path(error.getInstanceLocation().toString()), "not a JSON Schema: " + error.getMessage());
        }
        if (!problems.isEmpty()) {
            return new ParameterSchema(declared, META);
        }
        try {
            return new ParameterSchema(declared, REGISTRY.getSchema(node));
        } catch (RuntimeException e) {
            problems.put("", "not a JSON Schema the validator can apply: " + e.getMessage());
            return new ParameterSchema(declared, META);
        }
    }

    private static void externalReferences(@Nullable Object value, String path, Map<String, String> problems) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> {
                String at = path.isEmpty() ? String.valueOf(key) : path + "." + key;
                if (REFERENCES.contains(key) && !String.valueOf(item).startsWith("#")) {
                    problems.put(
                            at, "a template's schema refers only to itself ('#/$defs/...'), not to '" + item + "'");
                } else if ("$id".equals(key)) {
                    problems.put(at, "a template's schema has no $id: the template's id names it");
                } else if ("$schema".equals(key) && !DIALECT.equals(item)) {
                    problems.put(
                            at,
                            "a template's parameters are JSON Schema draft 2020-12 ($schema: " + DIALECT + "), not '"
                                    + item + "'");
                }
                externalReferences(item, at, problems);
            });
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                externalReferences(list.get(i), path + "[" + i + "]", problems);
            }
        }
    }

    /** A validator's location ({@code $.properties.table}) as a path under {@code parameters}. */
    private static String path(String location) {
        String path = location.startsWith("/") ? location.substring(1).replace('/', '.') : location;
        return path.replaceFirst("^\\$\\.?", "");
    }

    /** The declared parameter names. */
    Set<String> names() {
        return properties().keySet();
    }

    /** The names a domain must give. */
    List<String> required() {
        return schema.get("required") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> properties() {
        return schema.get("properties") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    Map<String, Object> declared() {
        return schema;
    }

    /** Each parameter's {@code default}, or else its first {@code examples}: values to try the template with. */
    Map<String, Object> examples() {
        Map<String, Object> values = new TreeMap<>();
        properties().forEach((name, declared) -> {
            if (declared instanceof Map<?, ?> property) {
                if (property.containsKey("default")) {
                    values.put(name, property.get("default"));
                } else if (property.get("examples") instanceof List<?> examples && !examples.isEmpty()) {
                    values.put(name, examples.get(0));
                }
            }
        });
        return values;
    }

    /**
     * {@code given} with the defaults of the parameters it leaves out, when they are valid values; otherwise a
     * {@link TemplateValuesException} naming every problem.
     */
    Map<String, Object> validate(String template, Map<String, Object> given) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> values = new TreeMap<>(given);
        properties().forEach((name, declared) -> {
            if (!values.containsKey(name)
                    && declared instanceof Map<?, ?> property
                    && property.containsKey("default")) {
                values.put(name, property.get("default"));
            }
        });
        TemplateRef.examplesIn(values).forEach(at -> problems.add("values." + at + ": " + TemplateRef.NO_EXAMPLES));
        if (!problems.isEmpty()) {
            throw new TemplateValuesException(template, problems);
        }
        String text = JSON.writeValueAsString(values);
        if (text.length() > MAX_VALUES_CHARS) {
            throw new TemplateValuesException(
                    template,
                    List.of("the values are " + text.length() + " characters as JSON; at most " + MAX_VALUES_CHARS));
        }
        for (Error error : compiled.validate(JSON.readTree(text))) {
            String at = path(error.getInstanceLocation().toString());
            String message = error.getMessage();
            problems.add("values" + (at.isEmpty() ? "" : "." + at) + ": " + message.replaceFirst("^\\$[^:]*: ", ""));
        }
        if (!problems.isEmpty()) {
            throw new TemplateValuesException(template, problems);
        }
        return new LinkedHashMap<>(values);
    }
}
