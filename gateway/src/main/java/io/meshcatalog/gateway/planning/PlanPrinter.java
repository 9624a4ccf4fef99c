package io.meshcatalog.gateway.planning;

import io.meshcatalog.gateway.planning.PlanNode.Condition;
import io.meshcatalog.gateway.planning.PlanNode.Fetch;
import io.meshcatalog.gateway.planning.PlanNode.Flatten;
import io.meshcatalog.gateway.planning.PlanNode.Parallel;
import io.meshcatalog.gateway.planning.PlanNode.Sequence;
import java.util.List;

/**
 * Prints plans in a stable, indented text close to Apollo's query plan format, so golden files
 * are diffable and readable by anyone who knows Apollo's.
 */
public final class PlanPrinter {

    /** Prints a whole plan. */
    public String print(QueryPlan plan) {
        StringBuilder out = new StringBuilder("QueryPlan {\n");
        if (plan.node() != null) {
            node(plan.node(), 1, out);
        }
        return out.append("}\n").toString();
    }

    private void node(PlanNode node, int depth, StringBuilder out) {
        String pad = "  ".repeat(depth);
        if (node instanceof Fetch fetch) {
            out.append(pad).append("Fetch(service: \"").append(fetch.subgraph()).append("\") {\n");
            new java.util.TreeMap<>(fetch.representAs()).forEach((type, as) -> {
                if (!type.equals(as)) {
                    out.append(pad)
                            .append("  representing ")
                            .append(type)
                            .append(" as ")
                            .append(as)
                            .append('\n');
                }
            });
            fetch.contextRewrites()
                    .forEach(r -> out.append(pad).append("  ").append(r.print()).append('\n'));
            if (fetch.isEntityFetch()) {
                out.append(pad)
                        .append("  ")
                        .append(Selection.printAll(fetch.requires()))
                        .append(" =>\n");
            }
            out.append(pad).append("  ").append(fetch.operation()).append('\n');
            out.append(pad).append("},\n");
        } else if (node instanceof Sequence sequence) {
            children("Sequence", sequence.nodes(), depth, out);
        } else if (node instanceof Parallel parallel) {
            children("Parallel", parallel.nodes(), depth, out);
        } else if (node instanceof Flatten flatten) {
            out.append(pad).append("Flatten(path: \"").append(flatten.path()).append("\") {\n");
            node(flatten.node(), depth + 1, out);
            out.append(pad).append("},\n");
        } else if (node instanceof Condition condition) {
            if (condition.ifTrue() == null && condition.ifFalse() != null) {
                out.append(pad)
                        .append("Skip(if: $")
                        .append(condition.variable())
                        .append(") {\n");
                node(condition.ifFalse(), depth + 1, out);
                out.append(pad).append("},\n");
                return;
            }
            out.append(pad).append("Include(if: $").append(condition.variable()).append(") {\n");
            if (condition.ifTrue() != null) {
                node(condition.ifTrue(), depth + 1, out);
            }
            out.append(pad).append("}");
            if (condition.ifFalse() != null) {
                out.append(" Else {\n");
                node(condition.ifFalse(), depth + 1, out);
                out.append(pad).append("}");
            }
            out.append(",\n");
        }
    }

    private void children(String name, List<PlanNode> nodes, int depth, StringBuilder out) {
        String pad = "  ".repeat(depth);
        out.append(pad).append(name).append(" {\n");
        for (PlanNode child : nodes) {
            node(child, depth + 1, out);
        }
        out.append(pad).append("},\n");
    }
}
