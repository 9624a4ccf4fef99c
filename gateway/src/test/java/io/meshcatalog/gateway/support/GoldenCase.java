package io.meshcatalog.gateway.support;

import io.meshcatalog.gateway.execution.Caller;
import io.meshcatalog.gateway.execution.ConfiguredPolicies;
import io.meshcatalog.gateway.execution.Gateway;
import io.meshcatalog.gateway.execution.OperationLimits;
import io.meshcatalog.gateway.execution.OverrideLabels;
import io.meshcatalog.gateway.execution.PlanExecutor;
import io.meshcatalog.gateway.execution.RequestContext;
import io.meshcatalog.gateway.execution.Role;
import io.meshcatalog.gateway.execution.SubgraphSettings;
import io.meshcatalog.gateway.planning.AuthorizationFilter;
import io.meshcatalog.gateway.supergraph.Supergraph;
import io.meshcatalog.gateway.supergraph.SupergraphParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * One golden scenario: {@code golden/<case>/subgraphs/<name>.graphqls} (+ {@code <name>.json}
 * data), the composed {@code supergraph.graphql}, and {@code operations/<op>.graphql} with
 * {@code <op>.plan}, {@code <op>.response.json} and optional {@code <op>.variables.json} and
 * {@code <op>.caller.json} (who asks: {@code subject}, {@code teams}, {@code scopes}, {@code roles}; anonymous without
 * it); optional {@code policies.json} defines the {@code @policy} names as {@code gateway.authorization.policies}
 * does. Starts the subgraphs over HTTP and a gateway pointing at them.
 */
public final class GoldenCase implements AutoCloseable {

    public static final Path ROOT = Path.of("src/test/resources/golden");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path directory;
    private final List<TestSubgraph> subgraphs = new ArrayList<>();
    private final Gateway gateway;

    private GoldenCase(Path directory, Duration timeout) throws IOException {
        this.directory = directory;
        Map<String, SubgraphSettings> settings = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(directory.resolve("subgraphs"))) {
            for (Path sdl : files.filter(p -> p.toString().endsWith(".graphqls"))
                    .sorted()
                    .toList()) {
                String name = sdl.getFileName().toString().replace(".graphqls", "");
                Path data = sdl.resolveSibling(name + ".json");
                TestSubgraph subgraph = TestSubgraph.start(
                        name, Files.readString(sdl), Files.exists(data) ? Files.readString(data) : "");
                subgraphs.add(subgraph);
                settings.put(name, new SubgraphSettings(subgraph.url(), timeout, Map.of()));
            }
        }
        Supergraph supergraph = new SupergraphParser().parse(Files.readString(directory.resolve("supergraph.graphql")));
        gateway = gateway(supergraph, settings, timeout, GOLDEN_LABELS);
    }

    /**
     * Progressive overrides in golden cases: every {@code percent(x)} label is on (the draw is always 0), no
     * custom label is; {@code ProgressiveOverrideIT} covers the other outcomes.
     */
    private static final OverrideLabels GOLDEN_LABELS = new OverrideLabels(Set.of(), () -> 0.0);

    /** The supergraph as golden cases plan it: with the labels {@link #GOLDEN_LABELS} enable. */
    public static Supergraph asPlanned(Supergraph supergraph) {
        return supergraph.withOverrideLabels(GOLDEN_LABELS.choose(supergraph.overrideLabels()));
    }

    private Gateway gateway(
            Supergraph supergraph, Map<String, SubgraphSettings> settings, Duration timeout, OverrideLabels labels) {
        return new Gateway(
                supergraph,
                settings,
                new SubgraphSettings(null, timeout, Map.of()),
                new PlanExecutor(GatewayCalls.httpClient()),
                new Gateway.Options(OperationLimits.NONE, Runnable::run, labels)
                        .with(new Gateway.Authorization(AuthorizationFilter.Options.DEFAULTS, policies(directory))));
    }

    /** The policies of a case's {@code policies.json}: name to {@code teams}, {@code scopes}, {@code roles}, {@code subjects}. */
    @SuppressWarnings("unchecked")
    public static ConfiguredPolicies policies(Path directory) {
        Path file = directory.resolve("policies.json");
        Map<String, ConfiguredPolicies.Rule> rules = new LinkedHashMap<>();
        if (Files.exists(file)) {
            Map<String, Map<String, List<String>>> json = read(file, Map.class);
            json.forEach((name, rule) -> rules.put(
                    name,
                    ConfiguredPolicies.Rule.of(
                            name,
                            rule.getOrDefault("teams", List.of()),
                            rule.getOrDefault("scopes", List.of()),
                            rule.getOrDefault("roles", List.of()),
                            rule.getOrDefault("subjects", List.of()))));
        }
        return new ConfiguredPolicies(rules);
    }

    /** Who runs an operation of this case. */
    public RequestContext caller(String operation) {
        return caller(directory, operation);
    }

    /** Who runs an operation of a case: its {@code caller.json}, authenticated by a token, or anonymous without one. */
    @SuppressWarnings("unchecked")
    public static RequestContext caller(Path directory, String operation) {
        Path file = directory.resolve("operations").resolve(operation + ".caller.json");
        if (!Files.exists(file)) {
            return RequestContext.anonymous();
        }
        Map<String, Object> json = read(file, Map.class);
        List<String> roles = (List<String>) json.getOrDefault("roles", List.of());
        Caller caller = new Caller(
                (String) json.getOrDefault("subject", "tester"),
                Set.copyOf((List<String>) json.getOrDefault("teams", List.of())),
                Set.copyOf((List<String>) json.getOrDefault("scopes", List.of())),
                roles.stream()
                        .map(r -> Role.valueOf(
                                r.toUpperCase(java.util.Locale.ROOT).replace('-', '_')))
                        .collect(java.util.stream.Collectors.toSet()),
                Set.of(),
                "jwt",
                null);
        return new RequestContext(caller, Map.of(), "golden");
    }

    private static <T> T read(Path file, Class<T> type) {
        try {
            return JSON.readValue(Files.readString(file), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Another gateway over the same running subgraphs, choosing progressive-override labels with {@code labels}. */
    public Gateway gatewayWith(OverrideLabels labels) {
        Map<String, SubgraphSettings> settings = new LinkedHashMap<>();
        subgraphs.forEach(s -> settings.put(s.name(), new SubgraphSettings(s.url(), Duration.ofSeconds(10), Map.of())));
        return gateway(gateway.supergraph(), settings, Duration.ofSeconds(10), labels);
    }

    /** Starts the scenario in {@code golden/<name>}. */
    public static GoldenCase start(String name) {
        return start(name, Duration.ofSeconds(10));
    }

    /** Starts the scenario with a per-fetch timeout. */
    public static GoldenCase start(String name, Duration timeout) {
        try {
            return new GoldenCase(ROOT.resolve(name), timeout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Gateway gateway() {
        return gateway;
    }

    public Path directory() {
        return directory;
    }

    /** A running subgraph by name. */
    public TestSubgraph subgraph(String name) {
        return subgraphs.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() ->
                        new IllegalArgumentException("no subgraph " + name + " in " + TestSubgraph.names(subgraphs)));
    }

    /** The operation names under {@code operations/}. */
    public List<String> operations() {
        return operations(directory);
    }

    /** The operation names under a case's {@code operations/}, before it is started. */
    public static List<String> operations(Path directory) {
        try (Stream<Path> files = Files.list(directory.resolve("operations"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".graphql"))
                    .map(n -> n.replace(".graphql", ""))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        subgraphs.forEach(TestSubgraph::close);
    }
}
