package io.meshcatalog.subgraphs.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The demo as one command starts it: five subgraphs in one JVM, each on its own port. Also plays the gateway's
 * part of {@code @requires} across two subgraphs, and leaves each subgraph's {@code _service} SDL in
 * {@code target/subgraph-sdl} for the independent composition check ({@code compose-check/compose.mjs}).
 */
class MeshLauncherIT {

    private static List<MeshLauncher.RunningSubgraph> mesh = List.of();

    @BeforeAll
    static void startAllFive() {
        String[] args = {
            "--orders.port=0",
            "--shipping.port=0",
            "--customers.port=0",
            "--marketing.port=0",
            "--finance.port=0",
            "--" + GraphQlHttp.SECRET_PROPERTY
        };
        mesh = new MeshLauncher().start(LaunchOptions.parse(args), args);
    }

    @AfterAll
    static void stop() {
        mesh.forEach(subgraph -> subgraph.context().close());
    }

    @Test
    void eachDomainRunsOnItsOwnPortAndServesItsOwnProducts() {
        assertThat(mesh).extracting(MeshLauncher.RunningSubgraph::domain).containsExactly(DemoDomain.values());
        assertThat(mesh).extracting(MeshLauncher.RunningSubgraph::port).doesNotHaveDuplicates();
        for (MeshLauncher.RunningSubgraph subgraph : mesh) {
            String field = subgraph.domain().id() + "Products";
            JsonNode products = http(subgraph.domain())
                    .query("{ " + field + " { id } }")
                    .path("data")
                    .path(field);
            assertThat(products.size()).as(field).isPositive();
            products.forEach(product -> assertThat(product.path("id").asString())
                    .startsWith(subgraph.domain().id() + "."));
        }
    }

    @Test
    void theSubgraphsListenOnTheLoopbackAddressOnly() throws IOException {
        List<InetAddress> others = new ArrayList<>();
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback()) {
                network.inetAddresses()
                        .filter(address -> address instanceof Inet4Address)
                        .forEach(others::add);
            }
        }
        Assumptions.assumeFalse(others.isEmpty(), "this machine has no address besides the loopback one");
        for (MeshLauncher.RunningSubgraph subgraph : mesh) {
            try (Socket local = new Socket(InetAddress.getLoopbackAddress(), subgraph.port())) {
                assertThat(local.isConnected()).isTrue();
            }
            for (InetAddress address : others) {
                assertThatThrownBy(() -> new Socket(address, subgraph.port()).close())
                        .as("%s on %s", subgraph.domain().id(), address)
                        .isInstanceOf(ConnectException.class);
            }
        }
    }

    @Test
    void financePricesTheOnTimeRateThatShippingResolvesAsAGatewayWouldForRequires() {
        Map<String, Object> reference = Map.of("__typename", "DataProduct", "id", "shipping.delay_predictions");
        double onTimeRate = http(DemoDomain.SHIPPING)
                .query("""
                query($r: [_Any!]!) { _entities(representations: $r) { ... on DataProduct { onTimeRate } } }""", Map.of("r", List.of(reference)))
                .path("data")
                .path("_entities")
                .get(0)
                .path("onTimeRate")
                .asDouble();

        JsonNode cost = http(DemoDomain.FINANCE)
                .query(
                        """
                query($r: [_Any!]!) {
                  _entities(representations: $r) { ... on DataProduct { lateDeliveryCostPerDay { amount currency } } }
                }""",
                        Map.of(
                                "r",
                                List.of(Map.of(
                                        "__typename",
                                        "DataProduct",
                                        "id",
                                        "shipping.delay_predictions",
                                        "onTimeRate",
                                        onTimeRate))))
                .path("data")
                .path("_entities")
                .get(0)
                .path("lateDeliveryCostPerDay");

        assertThat(cost.path("amount").asDouble()).isEqualTo(1295.74);
        assertThat(cost.path("currency").asString()).isEqualTo("EUR");
    }

    @Test
    void everySubgraphsSdlIsWrittenForTheCompositionCheck() throws IOException {
        Path folder = Path.of("target", "subgraph-sdl");
        Files.createDirectories(folder);
        for (MeshLauncher.RunningSubgraph subgraph : mesh) {
            String sdl = http(subgraph.domain())
                    .query("{ _service { sdl } }")
                    .path("data")
                    .path("_service")
                    .path("sdl")
                    .asString();
            assertThat(sdl).contains("@link(");
            Files.writeString(folder.resolve(subgraph.domain().id() + ".graphqls"), sdl, StandardCharsets.UTF_8);
        }
        assertThat(folder.toFile().list()).hasSize(5);
    }

    private static GraphQlHttp http(DemoDomain domain) {
        return new GraphQlHttp(mesh.stream()
                .filter(subgraph -> subgraph.domain() == domain)
                .findFirst()
                .orElseThrow()
                .port());
    }
}
