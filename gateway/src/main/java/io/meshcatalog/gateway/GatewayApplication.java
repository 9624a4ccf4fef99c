package io.meshcatalog.gateway;

import io.meshcatalog.gateway.cli.CheckCommand;
import io.meshcatalog.gateway.cli.NewProductCommand;
import io.meshcatalog.gateway.demo.DemoLauncher;
import io.meshcatalog.gateway.http.EarlySupergraph;
import io.meshcatalog.gateway.observability.Tracing;
import io.meshcatalog.gateway.security.NewApiKey;
import io.netty.util.ResourceLeakDetector;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the gateway: {@code java -jar gateway.jar --supergraph=supergraph.graphql}, or
 * {@code --subgraphs=name=url,…} to compose (both without the Spring container: {@link PlainGateway}); add
 * {@code --catalog.enabled=true} for the built-in catalog over Neo4j (the Spring application), or {@code --demo}
 * for the whole demo mesh; {@code --new-api-key} prints a fresh API key and its configuration, and exits;
 * {@code --verify-audit} checks the audit log's chain and exits; {@code check --descriptor <file> --catalog <url>}
 * checks a proposed domain descriptor against a running catalog ({@link CheckCommand}), or makes a product from a
 * template ({@link NewProductCommand}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) throws InterruptedException {
        StartupDefaults.apply();
        if (NewProductCommand.requested(args)) {
            System.exit(NewProductCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (CheckCommand.requested(args)) {
            System.exit(CheckCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (NewApiKey.requested(args)) {
            NewApiKey.print(System.out);
            return;
        }
        if (PrintSupergraph.requested(args)) {
            System.exit(PrintSupergraph.run(args));
        }
        if (VerifyAudit.requested(args)) {
            System.exit(VerifyAudit.run(args, System.out));
        }
        // first, before anything asks for the global OpenTelemetry (the graph model's statement spans do)
        Tracing.start(System.getenv());
        if (DemoLauncher.requested(args)) {
            DemoLauncher.run(GatewayApplication.class, args);
            return;
        }
        EarlySupergraph.start(args);
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            // Netty samples buffers for leaks by default, at a measurable cost per request; tests keep it on, and
            // -Dio.netty.leakDetection.level=paranoid turns it on when hunting one.
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
        ConfigurableEnvironment environment = PlainGateway.environment(args);
        if (PlainGateway.applies(environment)) {
            PlainGateway.run(environment);
            return;
        }
        SpringApplication.run(GatewayApplication.class, args);
    }
}
