package io.meshcatalog.gateway.execution;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What each caller may spend per period in estimated cost ({@code gateway.rate-limit.cost} points per
 * {@code gateway.rate-limit.period}), as GitHub's and Shopify's GraphQL APIs budget points rather than requests: a
 * caller sending traversals as deep as the per-request limit allows runs out long before one sending lookups. A
 * rate limiter per caller ({@link CallerLimiters}), its permits the operation's cost rounded up; an operation refused
 * for another reason spends nothing.
 */
public final class CostBudgets {

    /**
     * @param points estimated cost per period per caller (0 turns the budgets off); at least the per-request
     *     {@code gateway.limits.max-cost}, or an operation within that limit could never be afforded
     * @param period the period
     */
    public record Settings(int points, Duration period) {

        /** 25,000 points a second per caller: five operations at the default max-cost, hundreds of lookups. */
        public static final Settings DEFAULTS = new Settings(25_000, Duration.ofSeconds(1));

        public static final Settings OFF = new Settings(0, Duration.ofSeconds(1));

        public Settings {
            if (points < 0) {
                throw new IllegalArgumentException("gateway.rate-limit.cost must be 0 (off) or more, not " + points);
            }
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("gateway.rate-limit.period must be positive, not " + period);
            }
        }
    }

    public static final CostBudgets OFF = new CostBudgets(Settings.OFF);

    private final Settings settings;
    private final CallerLimiters limiters;

    public CostBudgets(Settings settings) {
        this.settings = settings;
        this.limiters = new CallerLimiters(settings.points(), settings.period());
    }

    boolean enabled() {
        return settings.points() > 0;
    }

    /**
     * Spends the operation's cost from its caller's budget; the response that refuses it when the budget left this
     * period cannot pay for it, else null.
     */
    @Nullable
    GatewayResponse spend(RequestContext context, double cost) {
        if (!enabled() || cost <= 0) {
            return null;
        }
        // with max-cost off, one operation may cost more than a whole period's budget: it spends all of it
        int permits = (int) Math.min(settings.points(), Math.ceil(cost));
        if (limiters.acquire(context.caller().limitKey(context.source()), permits)) {
            return null;
        }
        long retryAfter = Math.max(1, (settings.period().toMillis() + 999) / 1000);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put(
                "message",
                "the operation's estimated cost " + (long) Math.ceil(cost) + " is more than is left of "
                        + (context.caller().authenticated() ? context.caller().name() : "this client") + "'s "
                        + settings.points()
                        + " per " + settings.period().toMillis()
                        + " ms (gateway.rate-limit.cost per gateway.rate-limit.period); "
                        + "retry in " + retryAfter + " s");
        error.put("extensions", Map.of("code", "RATE_LIMITED", "retryAfterSeconds", retryAfter));
        return GatewayResponse.refusedWith(List.of(error), GatewayResponse.Kind.RATE_LIMITED);
    }
}
