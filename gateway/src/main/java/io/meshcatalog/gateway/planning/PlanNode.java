package io.meshcatalog.gateway.planning;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A node of a query plan. The tree says what to fetch and the order: {@link Sequence} children run
 * one after another, {@link Parallel} children run together, {@link Flatten} merges a fetch at a
 * response path, {@link Condition} runs a branch depending on a boolean variable.
 */
public sealed interface PlanNode
        permits PlanNode.Fetch, PlanNode.Sequence, PlanNode.Parallel, PlanNode.Flatten, PlanNode.Condition {

    /**
     * One request to one subgraph.
     *
     * @param subgraph the subgraph name
     * @param requires for an {@code _entities} fetch, the representation each entity sends, per type;
     *     empty for a root fetch
     * @param operation the GraphQL operation sent, on one line
     * @param variableUsages the client variables the operation uses, passed through
     * @param representAs the {@code __typename} to send for objects of a type the target subgraph
     *     only knows through an {@code @interfaceObject} (object type to interface name; the interface
     *     to itself for objects of any of its implementations)
     * @param renames internal aliases in the operation to rename back to client response keys in the
     *     answer (fields whose types differ between sibling fragments in the subgraph)
     * @param contextRewrites for an {@code _entities} fetch, where each entity's contextual arguments
     *     ({@code @fromContext}) are read in the response; entities whose values differ are sent apart
     * @param mutation whether the operation is a mutation (never sent twice)
     */
    record Fetch(
            String subgraph,
            List<Selection.InlineFragment> requires,
            String operation,
            List<String> variableUsages,
            Map<String, String> representAs,
            Map<String, String> renames,
            List<ContextRewrite> contextRewrites,
            boolean mutation)
            implements PlanNode {

        public Fetch {
            requires = List.copyOf(requires);
            variableUsages = List.copyOf(variableUsages);
            representAs = Map.copyOf(representAs);
            renames = Map.copyOf(renames);
            contextRewrites = List.copyOf(contextRewrites);
        }

        /**
         * A fetch whose representations carry the objects' own type names, whose fields need no renaming and
         * which reads no context.
         */
        public Fetch(
                String subgraph,
                List<Selection.InlineFragment> requires,
                String operation,
                List<String> variableUsages) {
            this(subgraph, requires, operation, variableUsages, Map.of(), Map.of(), List.of(), false);
        }

        /** Whether this fetch resolves entities from representations rather than root fields. */
        public boolean isEntityFetch() {
            return !requires.isEmpty();
        }
    }

    /** Children run in order; each may use what the previous ones merged. */
    record Sequence(List<PlanNode> nodes) implements PlanNode {
        public Sequence {
            nodes = List.copyOf(nodes);
        }
    }

    /** Children are independent and run concurrently. */
    record Parallel(List<PlanNode> nodes) implements PlanNode {
        public Parallel {
            nodes = List.copyOf(nodes);
        }
    }

    /**
     * Runs an entity fetch for every object at {@code path} and merges the results back there.
     *
     * @param path response keys from the root, {@code @} where a list is flattened
     * @param node the fetch
     */
    record Flatten(ResponsePath path, PlanNode node) implements PlanNode {}

    /**
     * Runs {@code ifTrue} when the boolean variable is true, else {@code ifFalse}; a missing branch
     * does nothing.
     */
    record Condition(
            String variable,
            @Nullable PlanNode ifTrue,
            @Nullable PlanNode ifFalse) implements PlanNode {}
}
