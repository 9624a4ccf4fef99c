package io.meshcatalog.subgraphs.mesh;

import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo mesh's entry point: {@code java -jar domain-subgraphs.jar} starts the five domain subgraphs on ports
 * 4001 to 4005; {@code --domain=shipping} starts one, and {@code --server.port} or {@code --shipping.port} moves it.
 * {@code --exit-with-parent} ends the process when its standard input closes (see {@link ParentWatch}).
 */
public final class MeshApplication {

    private static final Logger LOG = LoggerFactory.getLogger(MeshApplication.class);

    private MeshApplication() {}

    public static void main(String[] args) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (ParentWatch.requested(args)) {
            ParentWatch.start(System.in);
        }
        List<MeshLauncher.RunningSubgraph> running;
        try {
            running = new MeshLauncher().start(options, args);
        } catch (RuntimeException e) {
            // Spring Boot has already reported the failure (for a bad descriptor: file, line and key)
            System.exit(1);
            return;
        }
        LOG.info(
                "Domain subgraphs running: {}",
                running.stream()
                        .map(subgraph -> subgraph.domain().id() + " http://localhost:" + subgraph.port() + "/graphql")
                        .collect(Collectors.joining(", ")));
    }
}
