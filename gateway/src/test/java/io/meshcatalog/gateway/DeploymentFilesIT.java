package io.meshcatalog.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.gateway.catalog.CatalogHarvester;
import io.meshcatalog.gateway.http.GatewayServer;
import io.meshcatalog.gateway.reliability.GatewayProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files, kept in step with the code they deploy: what docker-compose.yml, deploy/gateway.Dockerfile
 * and the Kubernetes manifests copy or mount is what the build makes (this runs after {@code package}); the probes
 * the manifests name are served by the real jar; a stop is given the time the gateway takes to stop gracefully; and
 * the gateways reach Neo4j where the manifests put it.
 */
class DeploymentFilesIT {

    private static final Path ROOT = Path.of("..");
    private static final Path COMPOSE = ROOT.resolve("docker-compose.yml");
    private static final Path DOCKERFILE = ROOT.resolve("deploy").resolve("gateway.Dockerfile");
    private static final Path KUBERNETES = ROOT.resolve("deploy").resolve("kubernetes");
    /** What a graceful stop may take: the requests in flight, then a harvest under way. */
    private static final Duration STOPPING =
            GatewayServer.Options.DEFAULTS.shutdownGrace().plus(CatalogHarvester.STOP_GRACE);

    @TempDir
    Path dir;

    @Test
    void composeMountsWhatTheBuildMakesAndWaitsForAGracefulStop() throws IOException {
        Map<String, Object> services = map(load(COMPOSE).get(0).get("services"));
        for (Map.Entry<String, Object> service : services.entrySet()) {
            for (Object volume : list(map(service.getValue()).getOrDefault("volumes", List.of()))) {
                String source = volume.toString().split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(ROOT.resolve(source))
                            .as("what service %s mounts from %s", service.getKey(), source)
                            .exists();
                }
            }
        }
        Map<String, Object> gateway = map(services.get("gateway"));
        assertThat(Duration.parse(
                        "PT" + gateway.get("stop_grace_period").toString().toUpperCase()))
                .as("the gateway's stop_grace_period")
                .isGreaterThanOrEqualTo(STOPPING);
        assertThat(list(map(services.get("neo4j")).get("volumes")))
                .anyMatch(volume -> volume.toString().contains(":/plugins/graph-model-neo4j-plugin.jar"));
        assertThat(map(gateway.get("environment")).get("NEO4J_URI")).isEqualTo("bolt://neo4j:7687");
    }

    @Test
    void theImageCopiesWhatTheBuildMakesAndNeo4jTakesThePluginFromWhereTheImagePutsIt() throws IOException {
        List<String> copied = new ArrayList<>();
        Matcher copy = Pattern.compile("(?m)^COPY (\\S+) (\\S+)$").matcher(Files.readString(DOCKERFILE));
        while (copy.find()) {
            assertThat(ROOT.resolve(copy.group(1)))
                    .as("the image's COPY %s", copy.group(1))
                    .exists();
            copied.add(copy.group(2));
        }
        assertThat(copied).contains("/app/gateway.jar", "/app/lib");

        Map<String, Object> neo4j = kind(load(KUBERNETES.resolve("neo4j.yaml")), "StatefulSet");
        Map<String, Object> plugin =
                map(list(podSpec(neo4j).get("initContainers")).get(0));
        assertThat(list(plugin.get("command")))
                .as("Neo4j's init container copies the plugin the image holds")
                .contains("/app/plugins/graph-model-neo4j-plugin.jar");
        assertThat(copied).contains("/app/plugins/graph-model-neo4j-plugin.jar");
    }

    @Test
    void theGatewaysManifestReachesNeo4jAndWaitsForAGracefulStop() throws IOException {
        List<Map<String, Object>> gateway = load(KUBERNETES.resolve("gateway.yaml"));
        List<Map<String, Object>> neo4j = load(KUBERNETES.resolve("neo4j.yaml"));
        Map<String, Object> pod = podSpec(kind(gateway, "StatefulSet"));
        assertThat(Duration.ofSeconds(((Number) pod.get("terminationGracePeriodSeconds")).longValue()))
                .isGreaterThanOrEqualTo(STOPPING);

        Map<String, Object> container = map(list(pod.get("containers")).get(0));
        String uri = env(container).get("NEO4J_URI").toString();
        Map<String, Object> neo4jService = kind(neo4j, "Service");
        Object bolt = list(map(neo4jService.get("spec")).get("ports")).stream()
                .map(DeploymentFilesIT::map)
                .filter(port -> "bolt".equals(port.get("name")))
                .findFirst()
                .orElseThrow()
                .get("port");
        assertThat(uri).isEqualTo("bolt://" + map(neo4jService.get("metadata")).get("name") + ":" + bolt);
        assertThat(map(map(container.get("resources")).get("limits"))).containsKey("memory");
        assertThat(list(container.get("args"))).contains("--catalog.enabled=true", "--server.port=8080");
    }

    @Test
    void theProbesTheManifestNamesAreServedByTheJar() throws Exception {
        Map<String, Object> container = map(list(podSpec(kind(load(KUBERNETES.resolve("gateway.yaml")), "StatefulSet"))
                        .get("containers"))
                .get(0));
        int port = GatewayProcess.freePort();
        Process gateway = GatewayProcess.quickStart(new ProcessBuilder(
                                GatewayProcess.java(),
                                "-jar",
                                GatewayProcess.jar(),
                                "--supergraph="
                                        + Path.of("src/test/resources/golden/provides/supergraph.graphql")
                                                .toAbsolutePath(),
                                "--server.port=" + port,
                                "--audit.dir=" + dir.resolve("audit"))
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("gateway.log").toFile()))
                .start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                String path = map(map(container.get(probe)).get("httpGet"))
                        .get("path")
                        .toString();
                HttpResponse<String> answer = awaitAnswer(http, gateway, URI.create("http://127.0.0.1:" + port + path));
                assertThat(answer.statusCode())
                        .as("%s %s: %s", probe, path, answer.body())
                        .isIn(probe.equals("readinessProbe") ? List.of(200, 503) : List.of(200));
                assertThat(answer.body()).as("%s %s", probe, path).contains("\"status\"");
            }
        } finally {
            GatewayProcess.killTree(gateway);
        }
    }

    private HttpResponse<String> awaitAnswer(HttpClient http, Process gateway, URI uri) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            assertThat(gateway.isAlive())
                    .as("the gateway runs; see %s", dir.resolve("gateway.log"))
                    .isTrue();
            try {
                return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException notYet) {
                assertThat(System.nanoTime())
                        .as("the gateway listens within 60 s")
                        .isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    private static List<Map<String, Object>> load(Path file) throws IOException {
        return StreamSupport.stream(new Yaml().loadAll(Files.readString(file)).spliterator(), false)
                .map(DeploymentFilesIT::map)
                .toList();
    }

    private static Map<String, Object> kind(List<Map<String, Object>> documents, String kind) {
        return documents.stream()
                .filter(document -> kind.equals(document.get("kind")))
                .findFirst()
                .orElseThrow();
    }

    private static Map<String, Object> podSpec(Map<String, Object> workload) {
        return map(map(map(map(workload.get("spec")).get("template"))).get("spec"));
    }

    private static Map<String, Object> env(Map<String, Object> container) {
        Map<String, Object> env = new java.util.LinkedHashMap<>();
        list(container.get("env")).stream()
                .map(DeploymentFilesIT::map)
                .forEach(variable -> env.put(variable.get("name").toString(), variable.getOrDefault("value", "")));
        return env;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }
}
