package io.meshcatalog.gateway.supergraph;

import graphql.schema.GraphQLSchema;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The parsed supergraph: what the planner reads to decide where each field comes from, and the API
 * schema clients validate and introspect against.
 *
 * @param subgraphs the members, in {@code join__Graph} order (the planner's tie-breaker)
 * @param types every named type by name, inaccessible ones included
 * @param queryType the query root type name
 * @param mutationType the mutation root type name, if any
 * @param apiSchema the schema clients see: no join or link machinery, nothing inaccessible
 * @param sdl the supergraph SDL as served
 * @param enabledOverrideLabels the progressive-override labels in effect for the requests planned on this view
 */
public record Supergraph(
        List<Subgraph> subgraphs,
        Map<String, TypeDef> types,
        String queryType,
        @Nullable String mutationType,
        GraphQLSchema apiSchema,
        String sdl,
        Set<String> enabledOverrideLabels) {

    public Supergraph {
        subgraphs = List.copyOf(subgraphs);
        types = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(types));
        enabledOverrideLabels = Set.copyOf(enabledOverrideLabels);
    }

    /** As parsed: no progressive-override label enabled (only {@code percent(100)} overrides are in effect). */
    public Supergraph(
            List<Subgraph> subgraphs,
            Map<String, TypeDef> types,
            String queryType,
            @Nullable String mutationType,
            GraphQLSchema apiSchema,
            String sdl) {
        this(subgraphs, types, queryType, mutationType, apiSchema, sdl, Set.of());
    }

    /** The same supergraph as planned for requests with these progressive-override labels enabled. */
    public Supergraph withOverrideLabels(Set<String> enabled) {
        return new Supergraph(subgraphs, types, queryType, mutationType, apiSchema, sdl, enabled);
    }

    /** The progressive-override labels its fields use, other than those always on or always off. */
    public Set<OverrideLabel> overrideLabels() {
        Set<OverrideLabel> labels = new LinkedHashSet<>();
        for (TypeDef type : types.values()) {
            for (FieldDef field : type.fields().values()) {
                for (FieldJoin join : field.joins()) {
                    if (join.overrideLabel() != null) {
                        OverrideLabel label = OverrideLabel.parse(join.overrideLabel());
                        if (label.percent() == null || label.percent() > 0 && label.percent() < 100) {
                            labels.add(label);
                        }
                    }
                }
            }
        }
        return labels;
    }

    /** Whether any type or field needs more than nothing to be read: without, operations are never filtered. */
    public boolean hasAccessRequirements() {
        return types.values().stream()
                .anyMatch(t -> !t.access().isNone()
                        || t.fields().values().stream()
                                .anyMatch(f -> !f.access().isNone()));
    }

    /** Every policy name its {@code @policy} directives mention, in supergraph order. */
    public Set<String> policyNames() {
        Set<String> names = new LinkedHashSet<>();
        for (TypeDef type : types.values()) {
            names.addAll(type.access().policyNames());
            type.fields().values().forEach(f -> names.addAll(f.access().policyNames()));
        }
        return names;
    }

    /** A type by name. */
    public Optional<TypeDef> type(String name) {
        return Optional.ofNullable(types.get(name));
    }

    /** A subgraph by name. */
    public Optional<Subgraph> subgraph(String name) {
        return subgraphs.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The position of a subgraph in {@code join__Graph}, the stable tie-breaker of the planner. */
    public int order(String graph) {
        for (int i = 0; i < subgraphs.size(); i++) {
            if (subgraphs.get(i).name().equals(graph)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** The graphs that define a type; a type without {@code @join__type} is in every graph. */
    public Set<String> graphsOf(String typeName) {
        TypeDef type = types.get(typeName);
        if (type == null || type.joins().isEmpty()) {
            Set<String> all = new LinkedHashSet<>();
            subgraphs.forEach(s -> all.add(s.name()));
            return all;
        }
        return type.graphs();
    }

    /** Whether {@code graph} resolves {@code typeName.fieldName} by itself. */
    public boolean resolvable(String typeName, String fieldName, String graph) {
        if (fieldName.equals("__typename")) {
            return true;
        }
        TypeDef type = types.get(typeName);
        if (type == null) {
            return false;
        }
        return type.field(fieldName)
                .map(f -> f.resolvableIn(graph, graphsOf(typeName), enabledOverrideLabels))
                .orElse(false);
    }

    /** The graphs that resolve {@code typeName.fieldName} by themselves, in {@code join__Graph} order. */
    public List<String> graphsResolving(String typeName, String fieldName) {
        return subgraphs.stream()
                .map(Subgraph::name)
                .filter(g -> resolvable(typeName, fieldName, g))
                .toList();
    }

    /**
     * The object types a subgraph may return for an abstract type: implementations or members the
     * subgraph itself declares.
     */
    public Set<String> possibleTypesIn(String abstractType, String graph) {
        TypeDef type = types.get(abstractType);
        Set<String> result = new LinkedHashSet<>();
        if (type == null) {
            return result;
        }
        if (type.kind() == TypeKind.OBJECT) {
            result.add(abstractType);
            return result;
        }
        if (type.kind() == TypeKind.UNION) {
            Set<String> members = type.membersByGraph().get(graph);
            if (members != null) {
                result.addAll(members);
            }
            return result;
        }
        for (TypeDef candidate : types.values()) {
            if (candidate.kind() == TypeKind.OBJECT
                    && candidate
                            .implementsByGraph()
                            .getOrDefault(graph, Set.of())
                            .contains(abstractType)) {
                result.add(candidate.name());
            }
        }
        return result;
    }

    /** The types that set a context ({@code @context}), in supergraph order. */
    public Set<String> typesSettingContext(String context) {
        Set<String> result = new LinkedHashSet<>();
        types.values().stream().filter(t -> t.contexts().contains(context)).forEach(t -> result.add(t.name()));
        return result;
    }

    /** Every object type of the supergraph that can be a value of {@code typeName}. */
    public Set<String> possibleTypes(String typeName) {
        Set<String> result = new LinkedHashSet<>();
        for (Subgraph subgraph : subgraphs) {
            result.addAll(possibleTypesIn(typeName, subgraph.name()));
        }
        return result;
    }
}
