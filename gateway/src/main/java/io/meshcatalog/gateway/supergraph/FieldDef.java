package io.meshcatalog.gateway.supergraph;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A field of a composite type with where it lives.
 *
 * <p>A field with no {@code @join__field} lives in every subgraph that has its parent type; with
 * applications, it lives exactly in the subgraphs they name.
 *
 * @param name the field name
 * @param type the output type in the supergraph
 * @param joins its {@code @join__field} applications that name a graph
 * @param inaccessible whether the field is hidden from the API schema
 * @param resolvedElsewhere whether no subgraph resolves the field on this type directly (a bare
 *     {@code @join__field}): it comes from an {@code @interfaceObject} of an interface of the type
 * @param access what a caller needs to read it ({@code @authenticated}, {@code @requiresScopes}, {@code @policy}
 *     on the field; its type's requirements come on top)
 */
public record FieldDef(
        String name,
        TypeRef type,
        List<FieldJoin> joins,
        boolean inaccessible,
        boolean resolvedElsewhere,
        AuthRequirements access) {

    public FieldDef {
        joins = List.copyOf(joins);
    }

    /** The join for one subgraph, if the field declares one. */
    public Optional<FieldJoin> join(String graph) {
        return joins.stream().filter(j -> graph.equals(j.graph())).findFirst();
    }

    /** The arguments {@code graph} reads from an ancestor's context; empty for most fields. */
    public List<ContextArgument> contextArguments(String graph) {
        return join(graph).map(FieldJoin::contextArguments).orElse(List.of());
    }

    /**
     * Whether {@code graph} resolves this field itself, given the graphs that define the parent type and the
     * progressive-override labels enabled.
     */
    public boolean resolvableIn(String graph, Set<String> parentGraphs, Set<String> enabledLabels) {
        if (resolvedElsewhere) {
            return false;
        }
        if (joins.isEmpty()) {
            return parentGraphs.contains(graph);
        }
        return join(graph).map(join -> join.resolvable(enabledLabels)).orElse(false);
    }
}
