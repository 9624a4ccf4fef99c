package io.meshcatalog.gateway.planning;

import graphql.language.AstPrinter;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import io.meshcatalog.gateway.supergraph.ContextArgument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One fetch under construction: a subgraph, where its result merges, what it selects and which
 * other fetches must finish first. Becomes a {@link PlanNode.Fetch} when the plan is assembled.
 */
final class FetchGroup {

    final int id;
    final String subgraph;
    private ResponsePath mergePath;
    final boolean entity;
    final List<Condition> conditions;
    final SelectionBuilder selection = new SelectionBuilder();
    final Map<String, List<Source>> requires = new LinkedHashMap<>();
    final Set<FetchGroup> dependsOn = new LinkedHashSet<>();
    final Map<String, String> representAs = new LinkedHashMap<>();
    final List<ContextSource> contexts = new ArrayList<>();

    FetchGroup(int id, String subgraph, ResponsePath mergePath, boolean entity, List<Condition> conditions) {
        this.id = id;
        this.subgraph = subgraph;
        this.mergePath = mergePath;
        this.entity = entity;
        this.conditions = List.copyOf(conditions);
    }

    /** Where the results merge, admitting the objects of every type condition the fetch was planned under. */
    ResponsePath mergePath() {
        return mergePath;
    }

    /** Sends the fetch also for the objects a cursor at {@code path} (the same place) stands for. */
    void alsoAt(ResponsePath path) {
        mergePath = mergePath.or(path);
    }

    /** Where the representation of entities of {@code typeName} comes from. */
    List<Source> requiresFor(String typeName) {
        return requires.computeIfAbsent(typeName, t -> new java.util.ArrayList<>());
    }

    /**
     * Whether {@code fieldSet} names a field that the representation of {@code typeName} already
     * carries with other arguments: a representation holds one value per field name, so such a
     * {@code @requires} needs a fetch of its own.
     */
    boolean representationConflicts(String typeName, SelectionSet fieldSet) {
        for (Source source : requires.getOrDefault(typeName, List.of())) {
            if (conflict(source.fieldSet(), fieldSet)) {
                return true;
            }
        }
        return false;
    }

    private static boolean conflict(SelectionSet a, SelectionSet b) {
        for (Selection<?> left : a.getSelections()) {
            for (Selection<?> right : b.getSelections()) {
                if (left instanceof Field l
                        && right instanceof Field r
                        && l.getResultKey().equals(r.getResultKey())) {
                    if (!AstPrinter.printAst(l.transform(f -> f.selectionSet(null)))
                            .equals(AstPrinter.printAst(r.transform(f -> f.selectionSet(null))))) {
                        return true;
                    }
                    if (l.getSelectionSet() != null
                            && r.getSelectionSet() != null
                            && conflict(l.getSelectionSet(), r.getSelectionSet())) {
                        return true;
                    }
                } else if (left instanceof InlineFragment l
                        && right instanceof InlineFragment r
                        && conflict(l.getSelectionSet(), r.getSelectionSet())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Key or required fields, read from the parent fetch's selection at the merge point (which knows
     * the internal aliases it used). Resolved when the plan is assembled, after every alias is final.
     */
    record Source(SelectionBuilder selection, graphql.language.SelectionSet fieldSet) {}

    /**
     * Where a contextual argument of this fetch reads its value: {@code argument}'s selection, read from the
     * fetched data of the ancestor whose selection is {@code selection}, {@code levelsUp} fields above this
     * fetch's entities, on objects of {@code objectTypes} (empty at the root, which needs no type guard).
     * Turned into {@link ContextRewrite}s when the plan is assembled, after every alias is final.
     */
    record ContextSource(ContextArgument argument, SelectionBuilder selection, int levelsUp, Set<String> objectTypes) {}

    /** A boolean variable a fetch depends on: run only when {@code variable == expected}. */
    record Condition(String variable, boolean expected) {}

    @Override
    public String toString() {
        return "FetchGroup#" + id + "(" + subgraph + " at " + mergePath + ")";
    }
}
