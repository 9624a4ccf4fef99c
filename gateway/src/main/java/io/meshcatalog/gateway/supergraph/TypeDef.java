package io.meshcatalog.gateway.supergraph;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A named type of the supergraph with its per-subgraph presence.
 *
 * @param name the type name
 * @param kind object, interface, union …
 * @param joins the {@code @join__type} applications (several per graph when it has several keys)
 * @param fields the fields of an object or interface, in declaration order
 * @param implementsByGraph interfaces the type implements, per subgraph
 * @param membersByGraph union members, per subgraph
 * @param inaccessible whether the type is hidden from the API schema
 * @param contexts the contexts the type sets ({@code @context(name:)}, {@code <subgraph>__<name>}), read by
 *     {@code @fromContext} arguments of fields below it
 * @param access what a caller needs to read any field returning this type ({@code @authenticated},
 *     {@code @requiresScopes}, {@code @policy} on the type)
 */
public record TypeDef(
        String name,
        TypeKind kind,
        List<TypeJoin> joins,
        Map<String, FieldDef> fields,
        Map<String, Set<String>> implementsByGraph,
        Map<String, Set<String>> membersByGraph,
        boolean inaccessible,
        Set<String> contexts,
        AuthRequirements access) {

    public TypeDef {
        joins = List.copyOf(joins);
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        implementsByGraph = Map.copyOf(implementsByGraph);
        membersByGraph = Map.copyOf(membersByGraph);
        contexts = Set.copyOf(contexts);
    }

    /** The subgraphs that define this type ({@code @join__type}). */
    public Set<String> graphs() {
        return joins.stream().map(TypeJoin::graph).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** Keys a subgraph can resolve entities of this type by; empty when it is not an entity there. */
    public List<FieldSet> resolvableKeys(String graph) {
        return joins.stream()
                .filter(j -> j.graph().equals(graph) && j.key() != null && j.resolvable())
                .map(TypeJoin::key)
                .collect(Collectors.toList());
    }

    /** Whether the subgraph sees this interface as an object type ({@code @interfaceObject}). */
    public boolean isInterfaceObjectIn(String graph) {
        return joins.stream().anyMatch(j -> j.graph().equals(graph) && j.interfaceObject());
    }

    /** A field by name. */
    public Optional<FieldDef> field(String fieldName) {
        return Optional.ofNullable(fields.get(fieldName));
    }
}
