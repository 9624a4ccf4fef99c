package io.meshcatalog.subgraphs.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshcatalog.graph.descriptor.DescriptorException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import org.springframework.core.NestedExceptionUtils;

/** One bad descriptor stops the whole demo mesh, and says which file, line and key. */
class MeshStartupFailureIT {

    @Test
    void domainWithABadDescriptorStopsTheDomainsAlreadyStarted() throws IOException {
        int ordersPort = freePort();
        String[] args = {
            "--domain=orders,shipping",
            "--orders.port=" + ordersPort,
            "--shipping.port=0",
            "--shipping.descriptor=classpath:io/meshcatalog/subgraphs/orders/orders.yaml"
        };

        assertThatThrownBy(() -> new MeshLauncher().start(LaunchOptions.parse(args), args))
                .satisfies(failure -> {
                    Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
                    assertThat(cause).isInstanceOf(DescriptorException.class);
                    assertThat(cause.getMessage())
                            .contains(
                                    "classpath:io/meshcatalog/subgraphs/orders/orders.yaml:5:3: "
                                            + "domain.id: this subgraph serves domain 'shipping' but the descriptor declares 'orders'");
                });
        assertThatThrownBy(() -> new Socket("localhost", ordersPort).close()).isInstanceOf(ConnectException.class);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
