package io.meshcatalog.gateway.planning;

import org.jspecify.annotations.Nullable;

/**
 * The plan for one operation of one document.
 *
 * @param node the root node, or null when nothing must be fetched (only introspection or
 *     {@code __typename})
 */
public record QueryPlan(@Nullable PlanNode node) {

    /** The plan as stable text, as in golden files and {@code extensions.queryPlan}. */
    public String print() {
        return new PlanPrinter().print(this);
    }
}
