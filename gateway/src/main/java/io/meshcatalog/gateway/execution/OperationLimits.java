package io.meshcatalog.gateway.execution;

import io.meshcatalog.gateway.limits.LimitSettings;

/**
 * The one place that says which limits an operation must keep to ({@code gateway.limits.*}): the parser's bounds and
 * the assumed list size are the gateway's, the same for every document; the measured limits are looked up per caller,
 * so callers can be given different ones later. Today every caller gets the configured set, and a cost budget of its
 * own ({@link CostBudgets}) shared by every endpoint that admits operations.
 */
@FunctionalInterface
public interface OperationLimits {

    /** Allows every operation (the parser keeps graphql-java's own bounds). */
    OperationLimits NONE = uniform(LimitSettings.NONE);

    /** The settings every document is parsed and measured with. */
    LimitSettings gatewayWide();

    /** The limits this caller's operations must keep to. */
    default LimitSettings forCaller(RequestContext context) {
        return gatewayWide();
    }

    /** What each caller may spend in estimated cost per period; none by default. */
    default CostBudgets budgets() {
        return CostBudgets.OFF;
    }

    /** The same limits for everyone. */
    static OperationLimits uniform(LimitSettings settings) {
        return () -> settings;
    }

    /** The same limits for everyone, and a budget per caller. */
    static OperationLimits uniform(LimitSettings settings, CostBudgets budgets) {
        return new OperationLimits() {
            @Override
            public LimitSettings gatewayWide() {
                return settings;
            }

            @Override
            public CostBudgets budgets() {
                return budgets;
            }
        };
    }
}
