package io.meshcatalog.gateway.http;

import io.meshcatalog.gateway.execution.ConfiguredPolicies;
import io.meshcatalog.gateway.execution.CostBudgets;
import io.meshcatalog.gateway.execution.Gateway;
import io.meshcatalog.gateway.execution.GuardedSubgraphClient;
import io.meshcatalog.gateway.execution.PlanningSettings;
import io.meshcatalog.gateway.execution.SubgraphSettings;
import io.meshcatalog.gateway.limits.LimitSettings;
import io.meshcatalog.gateway.planning.AuthorizationFilter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code gateway.*} settings.
 *
 * @param timeout the default per-fetch timeout
 * @param reloadInterval how often the supergraph file is checked for changes; zero disables
 * @param planHeader the request header that asks for the plan in {@code extensions.queryPlan}
 * @param forwardHeaders the client's request headers passed on to every subgraph when present
 * @param subgraph per-subgraph overrides by subgraph name: url, timeout, headers, headers to forward, deduplicate
 * @param http the HTTP server's limits and threads
 * @param overrideLabels the custom progressive-override labels ({@code @override(label: "…")}) to enable;
 *     {@code percent(x)} labels need no configuration
 * @param limits the operation limits; each unset one has its default ({@link LimitSettings#DEFAULTS})
 * @param csrf the cross-site request forgery protection
 * @param authorization how Apollo's authorization directives apply
 * @param resilience the circuit breaker of each subgraph and the retries of queries
 * @param rateLimit the requests each caller may send per period
 * @param accessLog where the access log goes: {@code stdout}, a file path, or {@code off} (the default)
 * @param metrics what {@code /metrics} counts
 * @param deduplicateRequests whether identical queries from one caller in flight together share one execution (true)
 */
@ConfigurationProperties("gateway")
public record GatewayProperties(
        @Nullable Duration timeout,
        @Nullable Duration reloadInterval,
        @Nullable String planHeader,
        @Nullable List<String> forwardHeaders,
        @Nullable Map<String, Subgraph> subgraph,
        @Nullable Http http,
        @Nullable List<String> overrideLabels,
        @Nullable Limits limits,
        @Nullable Csrf csrf,
        @Nullable Authorization authorization,
        @Nullable Resilience resilience,
        @Nullable RateLimit rateLimit,
        @Nullable String accessLog,
        @Nullable Metrics metrics,
        @Nullable Boolean deduplicateRequests) {

    /** Whether identical queries from one caller in flight together share one execution (on unless set false). */
    public boolean requestsDeduplicated() {
        return deduplicateRequests == null || deduplicateRequests;
    }

    /**
     * {@code gateway.metrics.*}.
     *
     * @param enabled whether the gateway keeps metrics and serves {@code /metrics} (true)
     * @param maxOperationNames how many operation names get series of their own (1,000); later ones count as
     *     {@code other}
     */
    public record Metrics(
            @Nullable Boolean enabled, @Nullable Integer maxOperationNames) {}

    /** Whether the gateway keeps metrics and serves {@code /metrics}. */
    public boolean metricsEnabled() {
        return metrics == null || metrics.enabled() == null || metrics.enabled();
    }

    /** How many operation names get series of their own in the operation metrics. */
    public int maxOperationNames() {
        Integer max = metrics == null ? null : metrics.maxOperationNames();
        if (max != null && max < 0) {
            throw new IllegalArgumentException("gateway.metrics.max-operation-names must be 0 or more, not " + max);
        }
        return max == null ? 1_000 : max;
    }

    /**
     * {@code gateway.rate-limit.*}: see {@link RateLimits.Settings}.
     *
     * @param requests requests per period per caller (100; 0 turns the limits off)
     * @param period the period (1s)
     * @param cost estimated cost per period per caller ({@link CostBudgets.Settings}: 25,000; 0 turns the budgets off)
     */
    public record RateLimit(
            @Nullable Integer requests,
            @Nullable Duration period,
            @Nullable Integer cost) {}

    /** What each caller may spend in estimated cost per period, the same period as its requests. */
    public CostBudgets.Settings costBudgets() {
        CostBudgets.Settings d = CostBudgets.Settings.DEFAULTS;
        CostBudgets.Settings settings = rateLimit == null
                ? d
                : new CostBudgets.Settings(
                        rateLimit.cost() == null ? d.points() : rateLimit.cost(),
                        rateLimit.period() == null ? d.period() : rateLimit.period());
        long maxCost = limitSettings().maxCost();
        if (settings.points() > 0 && maxCost > 0 && settings.points() < maxCost) {
            throw new IllegalArgumentException("gateway.rate-limit.cost (" + settings.points() + ") must be at least "
                    + "gateway.limits.max-cost (" + maxCost
                    + "), or an operation within that limit could never be afforded");
        }
        return settings;
    }

    /** The per-caller rate limits. */
    public RateLimits.Settings rateLimits() {
        RateLimits.Settings d = RateLimits.Settings.DEFAULTS;
        return rateLimit == null
                ? d
                : new RateLimits.Settings(
                        rateLimit.requests() == null ? d.requests() : rateLimit.requests(),
                        rateLimit.period() == null ? d.period() : rateLimit.period());
    }

    /**
     * {@code gateway.resilience.*}: see {@link GuardedSubgraphClient.Settings}; each unset one has its default.
     */
    public record Resilience(
            @Nullable Integer failureRate,
            @Nullable Integer window,
            @Nullable Integer minimumCalls,
            @Nullable Duration openFor,
            @Nullable Integer probes,
            @Nullable Integer retries,
            @Nullable Duration backoff) {}

    /** The circuit breakers' and retries' settings. */
    public GuardedSubgraphClient.Settings resilienceSettings() {
        GuardedSubgraphClient.Settings d = GuardedSubgraphClient.Settings.DEFAULTS;
        Resilience r = resilience;
        if (r == null) {
            return d;
        }
        return new GuardedSubgraphClient.Settings(
                r.failureRate() == null ? d.failureRate() : r.failureRate(),
                r.window() == null ? d.window() : r.window(),
                r.minimumCalls() == null ? d.minimumCalls() : r.minimumCalls(),
                r.openFor() == null ? d.openFor() : r.openFor(),
                r.probes() == null ? d.probes() : r.probes(),
                r.retries() == null ? d.retries() : r.retries(),
                r.backoff() == null ? d.backoff() : r.backoff());
    }

    /**
     * {@code gateway.limits.*}, Apollo Router's names: see {@link LimitSettings}; 0 turns a measured limit off.
     */
    public record Limits(
            @Nullable Integer maxDepth,
            @Nullable Integer maxHeight,
            @Nullable Integer maxRootFields,
            @Nullable Integer maxAliases,
            @Nullable Long maxCost,
            @Nullable Integer listSize,
            @Nullable Boolean introspectionMaxDepth,
            @Nullable Integer parserMaxTokens,
            @Nullable Integer parserMaxRecursion,
            @Nullable Integer maxFragmentDepth,
            @Nullable Duration planningTimeout,
            @Nullable Integer maxPlansPerCaller) {

        LimitSettings settings() {
            LimitSettings d = LimitSettings.DEFAULTS;
            return new LimitSettings(
                    or(maxDepth, d.maxDepth()),
                    or(maxHeight, d.maxHeight()),
                    or(maxRootFields, d.maxRootFields()),
                    or(maxAliases, d.maxAliases()),
                    or(maxCost, d.maxCost()),
                    or(listSize, d.listSize()),
                    or(introspectionMaxDepth, d.introspectionMaxDepth()),
                    or(parserMaxTokens, d.parserMaxTokens()),
                    or(parserMaxRecursion, d.parserMaxRecursion()),
                    or(maxFragmentDepth, d.maxFragmentDepth()));
        }

        private static <T> T or(@Nullable T value, T otherwise) {
            return value == null ? otherwise : value;
        }
    }

    /**
     * {@code gateway.csrf.*}, as Apollo Router names them.
     *
     * @param requiredHeaders headers that make a request with a CORS-simple content type (or none) safe to run
     *     (default {@code x-apollo-operation-name}, {@code apollo-require-preflight})
     * @param unsafeDisabled turns the protection off
     */
    public record Csrf(
            @Nullable List<String> requiredHeaders,
            @Nullable Boolean unsafeDisabled) {}

    /** How new documents are planned ({@code planning-timeout}, {@code max-plans-per-caller}), defaults where unset. */
    public PlanningSettings planningSettings() {
        PlanningSettings d = PlanningSettings.DEFAULTS;
        return limits == null
                ? d
                : new PlanningSettings(
                        Limits.or(limits.planningTimeout(), d.timeout()),
                        Limits.or(limits.maxPlansPerCaller(), d.perCaller()));
    }

    /** The operation limits, defaults where unset. */
    public LimitSettings limitSettings() {
        return limits == null ? LimitSettings.DEFAULTS : limits.settings();
    }

    /** The headers that make a simple request safe; Apollo Router's by default. */
    List<String> csrfRequiredHeaders() {
        return csrf == null || csrf.requiredHeaders() == null
                ? CsrfCheck.DEFAULT_REQUIRED_HEADERS
                : csrf.requiredHeaders();
    }

    boolean csrfDisabled() {
        return csrf != null && Boolean.TRUE.equals(csrf.unsafeDisabled());
    }

    /**
     * {@code gateway.authorization.*}: Apollo's authorization directives ({@code @authenticated},
     * {@code @requiresScopes}, {@code @policy}), with Apollo router's options of the same names.
     *
     * @param requireAuthentication refuse every GraphQL request of an unauthenticated caller with 401
     *     ({@code require_authentication}, default false)
     * @param rejectUnauthorized run nothing of an operation when anything of it is removed ({@code reject_unauthorized},
     *     default false)
     * @param dryRun remove nothing and only name in errors what would be removed ({@code dry_run}, default false)
     * @param policies the policies {@code @policy} names, by name; a policy not defined here is denied to everyone
     */
    public record Authorization(
            @Nullable Boolean requireAuthentication,
            @Nullable Boolean rejectUnauthorized,
            @Nullable Boolean dryRun,
            @Nullable Map<String, Policy> policies) {}

    /**
     * One policy: a caller satisfies it when authenticated and holding one of the values of every list given.
     *
     * @param teams teams it may act for
     * @param scopes scopes it may hold
     * @param roles roles it may have: {@code reader}, {@code domain-member}, {@code admin}
     * @param subjects subjects it may be
     */
    public record Policy(
            @Nullable List<String> teams,
            @Nullable List<String> scopes,
            @Nullable List<String> roles,
            @Nullable List<String> subjects) {}

    /** The authorization directives' settings, with the configured policies as the policy hook. */
    Gateway.Authorization authorizationSettings() {
        Authorization settings = authorization == null ? new Authorization(null, null, null, null) : authorization;
        Map<String, ConfiguredPolicies.Rule> rules = new LinkedHashMap<>();
        if (settings.policies() != null) {
            settings.policies()
                    .forEach((name, policy) -> rules.put(
                            name,
                            ConfiguredPolicies.Rule.of(
                                    name,
                                    orEmpty(policy.teams()),
                                    orEmpty(policy.scopes()),
                                    orEmpty(policy.roles()),
                                    orEmpty(policy.subjects()))));
        }
        return new Gateway.Authorization(
                new AuthorizationFilter.Options(
                        Boolean.TRUE.equals(settings.dryRun()), Boolean.TRUE.equals(settings.rejectUnauthorized())),
                new ConfiguredPolicies(rules));
    }

    /** Whether GraphQL requests of unauthenticated callers are refused. */
    boolean requireAuthentication() {
        return authorization != null && Boolean.TRUE.equals(authorization.requireAuthentication());
    }

    private static List<String> orEmpty(@Nullable List<String> values) {
        return values == null ? List.of() : values;
    }

    /**
     * {@code gateway.http.*}.
     *
     * @param maxRequestSize the largest request body (2MB, Apollo Router's default); a larger one gets 413
     * @param idleTimeout how long a keep-alive connection may wait for its next request (60s)
     * @param ioThreads event loops for client and subgraph connections (0: one per core)
     * @param workerThreads threads for routes that wait on a database (16)
     * @param shutdownGrace how long a stop waits for the requests in flight to be answered (20s)
     */
    public record Http(
            @Nullable DataSize maxRequestSize,
            @Nullable Duration idleTimeout,
            @Nullable Integer ioThreads,
            @Nullable Integer workerThreads,
            @Nullable Duration shutdownGrace) {}

    public GatewayServer.Options serverOptions() {
        GatewayServer.Options defaults = GatewayServer.Options.DEFAULTS;
        if (http == null) {
            return defaults;
        }
        return new GatewayServer.Options(
                http.maxRequestSize() == null
                        ? defaults.maxRequestBytes()
                        : (int) Math.min(
                                Integer.MAX_VALUE, http.maxRequestSize().toBytes()),
                http.idleTimeout() == null ? defaults.idleTimeout() : http.idleTimeout(),
                defaults.compressAbove(),
                http.shutdownGrace() == null ? defaults.shutdownGrace() : http.shutdownGrace());
    }

    Set<String> enabledOverrideLabels() {
        return overrideLabels == null ? Set.of() : Set.copyOf(overrideLabels);
    }

    int ioThreads() {
        return http == null || http.ioThreads() == null ? 0 : http.ioThreads();
    }

    int workerThreads() {
        return http == null || http.workerThreads() == null ? 16 : http.workerThreads();
    }

    /**
     * One subgraph's overrides; its {@code forwardHeaders} add to the gateway-wide ones. {@code deduplicate: false}
     * sends every query to it, even when an identical one is in flight (on by default: they share one fetch).
     */
    public record Subgraph(
            @Nullable String url,
            @Nullable Duration timeout,
            @Nullable Map<String, String> headers,
            @Nullable List<String> forwardHeaders,
            @Nullable Boolean deduplicate) {}

    /** The subgraphs whose identical queries in flight are not shared ({@code subgraph.<name>.deduplicate=false}). */
    Set<String> notDeduplicated() {
        Set<String> out = new LinkedHashSet<>();
        if (subgraph != null) {
            subgraph.forEach((name, s) -> {
                if (Boolean.FALSE.equals(s.deduplicate())) {
                    out.add(name);
                }
            });
        }
        return out;
    }

    public Duration defaultTimeout() {
        return timeout == null ? Duration.ofSeconds(30) : timeout;
    }

    Duration reloadEvery() {
        return reloadInterval == null ? Duration.ofSeconds(2) : reloadInterval;
    }

    String planHeaderName() {
        return planHeader == null ? "X-Mesh-Plan" : planHeader;
    }

    Map<String, SubgraphSettings> settings() {
        Map<String, SubgraphSettings> out = new LinkedHashMap<>();
        if (subgraph != null) {
            subgraph.forEach((name, s) -> {
                Set<String> forward = new LinkedHashSet<>(forwarded());
                if (s.forwardHeaders() != null) {
                    forward.addAll(s.forwardHeaders());
                }
                out.put(
                        name,
                        new SubgraphSettings(
                                s.url(),
                                s.timeout() == null ? defaultTimeout() : s.timeout(),
                                s.headers() == null ? Map.of() : s.headers(),
                                forward));
            });
        }
        return out;
    }

    SubgraphSettings defaults() {
        return new SubgraphSettings(null, defaultTimeout(), Map.of(), Set.copyOf(forwarded()));
    }

    private List<String> forwarded() {
        return forwardHeaders == null ? List.of() : forwardHeaders;
    }
}
