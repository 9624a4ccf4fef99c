package io.meshcatalog.gateway.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /health} (and {@code /health/ready}): readiness, honestly. 503 {@code STARTING} naming what is still
 * awaited ({@link ReadinessCheck}s, such as the catalog's first harvest); then the state of every subgraph and of each
 * {@link HealthProbe} (the catalog's Neo4j): 200 {@code UP} when all are up, 200 {@code DEGRADED} when some are down
 * (the gateway still answers the rest: a load balancer should keep sending), 503 {@code DOWN} when every subgraph is
 * down. {@code GET /health/live}: liveness, 200 while the process serves HTTP, whatever its dependencies do (a
 * restart would not bring them back).
 */
final class HealthEndpoint {

    private final SubgraphProbe subgraphs;
    private final List<ReadinessCheck> checks;
    private final List<HealthProbe> probes;
    private final JsonMapper json;

    HealthEndpoint(SubgraphProbe subgraphs, List<ReadinessCheck> checks, List<HealthProbe> probes, JsonMapper json) {
        this.subgraphs = subgraphs;
        this.checks = List.copyOf(checks);
        this.probes = List.copyOf(probes);
        this.json = json;
    }

    CompletableFuture<HttpAnswer> live(HttpCall call) {
        return CompletableFuture.completedFuture(HttpAnswer.json(200, Map.of("status", "UP"), json));
    }

    CompletableFuture<HttpAnswer> ready(HttpCall call) {
        List<String> waitingFor = checks.stream()
                .filter(check -> !check.isReady())
                .map(ReadinessCheck::name)
                .toList();
        if (!waitingFor.isEmpty()) {
            return CompletableFuture.completedFuture(
                    HttpAnswer.json(503, Map.of("status", "STARTING", "waitingFor", waitingFor), json));
        }
        Map<String, CompletableFuture<Map<String, Object>>> others = new LinkedHashMap<>();
        probes.forEach(probe -> others.put(probe.name(), probe.probe()));
        CompletableFuture<Map<String, Map<String, Object>>> subgraphStates = subgraphs.probe();
        return subgraphStates.thenCombine(
                CompletableFuture.allOf(others.values().toArray(CompletableFuture[]::new)), (states, done) -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    boolean allUp = states.values().stream().allMatch(HealthProbe::isUp);
                    Map<String, Object> dependencies = new LinkedHashMap<>();
                    for (Map.Entry<String, CompletableFuture<Map<String, Object>>> other : others.entrySet()) {
                        Map<String, Object> state = other.getValue().join();
                        allUp &= HealthProbe.isUp(state);
                        dependencies.put(other.getKey(), state);
                    }
                    boolean down = SubgraphProbe.allDown(states);
                    body.put("status", down ? "DOWN" : allUp ? "UP" : "DEGRADED");
                    body.put("subgraphs", states);
                    body.putAll(dependencies);
                    return HttpAnswer.json(down ? 503 : 200, body, json);
                });
    }
}
