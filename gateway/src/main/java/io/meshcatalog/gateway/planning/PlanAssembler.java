package io.meshcatalog.gateway.planning;

import graphql.language.AstPrinter;
import graphql.language.VariableDefinition;
import io.meshcatalog.gateway.planning.FetchGroup.Condition;
import io.meshcatalog.gateway.supergraph.Supergraph;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns the fetch groups of one planning run into plan nodes: each group a {@link PlanNode.Fetch}
 * (in a {@link PlanNode.Flatten} at its merge path, inside its {@link PlanNode.Condition}s), laid
 * out as a {@link PlanNode.Sequence} of dependency levels, each level a {@link PlanNode.Parallel}.
 */
final class PlanAssembler {

    private final Supergraph supergraph;
    private final Map<String, VariableDefinition> variables;
    private final boolean mutation;

    PlanAssembler(Supergraph supergraph, Map<String, VariableDefinition> variables, boolean mutation) {
        this.supergraph = supergraph;
        this.variables = variables;
        this.mutation = mutation;
    }

    /** Lays groups out in dependency levels and turns them into plan nodes. */
    @Nullable
    PlanNode assemble(java.util.Collection<FetchGroup> groups) {
        Map<FetchGroup, Integer> levels = new LinkedHashMap<>();
        for (FetchGroup group : groups) {
            level(group, levels, new HashSet<>());
        }
        int max = levels.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
        List<PlanNode> sequence = new ArrayList<>();
        for (int level = 0; level <= max; level++) {
            List<PlanNode> parallel = new ArrayList<>();
            for (Map.Entry<FetchGroup, Integer> entry : levels.entrySet()) {
                if (entry.getValue() == level && !entry.getKey().selection.isEmpty()) {
                    parallel.add(node(entry.getKey()));
                }
            }
            if (parallel.size() == 1) {
                sequence.add(parallel.get(0));
            } else if (!parallel.isEmpty()) {
                sequence.add(new PlanNode.Parallel(parallel));
            }
        }
        if (sequence.isEmpty()) {
            return null;
        }
        return sequence.size() == 1 ? sequence.get(0) : new PlanNode.Sequence(sequence);
    }

    private int level(FetchGroup group, Map<FetchGroup, Integer> levels, Set<FetchGroup> visiting) {
        Integer known = levels.get(group);
        if (known != null) {
            return known;
        }
        if (!visiting.add(group)) {
            throw new PlanningException("cyclic fetch dependencies at " + group.mergePath() + " in " + group.subgraph);
        }
        int level = 0;
        for (FetchGroup dependency : group.dependsOn) {
            level = Math.max(level, level(dependency, levels, visiting) + 1);
        }
        levels.put(group, level);
        return level;
    }

    private String definition(String variable) {
        VariableDefinition definition = variables.get(variable);
        if (definition == null) {
            throw new PlanningException("variable $" + variable + " is not defined by the operation");
        }
        return AstPrinter.printAst(definition.transform(b -> b.directives(List.of())));
    }

    private PlanNode node(FetchGroup group) {
        Set<String> used = new LinkedHashSet<>();
        group.selection.collectVariables(used);
        Map<String, String> contextTypes = new LinkedHashMap<>();
        List<ContextRewrite> rewrites = new ArrayList<>();
        for (FetchGroup.ContextSource source : group.contexts) {
            contextTypes.put(source.argument().variable(), source.argument().type());
            ContextRewrites.of(source, supergraph).stream()
                    .filter(r -> !rewrites.contains(r))
                    .forEach(rewrites::add);
        }
        StringBuilder definitions = new StringBuilder();
        if (group.entity) {
            definitions.append("$representations: [_Any!]!");
        }
        for (String name : used) {
            if (!definitions.isEmpty()) {
                definitions.append(", ");
            }
            definitions.append(
                    contextTypes.containsKey(name) ? "$" + name + ": " + contextTypes.get(name) : definition(name));
        }
        // the client's variables, passed through; the contextual ones are read in the response
        used.removeAll(contextTypes.keySet());
        boolean sendsMutation = mutation && !group.entity;
        String kind = sendsMutation ? "mutation" : "query";
        String header = definitions.isEmpty() ? kind : kind + "(" + definitions + ")";
        String body = group.entity
                ? "{ _entities(representations: $representations) " + group.selection.print() + " }"
                : group.selection.print();
        List<Selection.InlineFragment> requires = new ArrayList<>();
        group.requires.forEach((type, sources) -> requires.add(
                Representations.fragment(type, Representations.representation(sources, supergraph), supergraph)));
        PlanNode node = new PlanNode.Fetch(
                group.subgraph,
                requires,
                header + " " + body,
                List.copyOf(used),
                group.representAs,
                group.selection.renames(),
                rewrites,
                sendsMutation);
        if (group.entity) {
            node = new PlanNode.Flatten(group.mergePath(), node);
        }
        List<Condition> conditions = group.conditions;
        for (int i = conditions.size() - 1; i >= 0; i--) {
            Condition condition = conditions.get(i);
            node = condition.expected()
                    ? new PlanNode.Condition(condition.variable(), node, null)
                    : new PlanNode.Condition(condition.variable(), null, node);
        }
        return node;
    }
}
