package io.meshcatalog.subgraphs.mesh;

import io.meshcatalog.subgraphs.kit.SubgraphDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts each selected domain in its own Spring context, so each one has its own schema, descriptor and port just
 * as if it ran in its own process. If one fails to start, the ones already started are closed: half a mesh would
 * make the gateway compose a supergraph that is missing a domain without anyone noticing.
 */
public final class MeshLauncher {

    /** Starts the domains with the command-line {@code args}; returns the running contexts in domain order. */
    public List<RunningSubgraph> start(LaunchOptions options, String... args) {
        List<RunningSubgraph> running = new ArrayList<>();
        try {
            for (DemoDomain domain : options.domains()) {
                running.add(new RunningSubgraph(
                        domain,
                        application(domain, options.domains().size() > 1).run(args)));
            }
        } catch (RuntimeException e) {
            running.forEach(subgraph -> subgraph.context().close());
            throw e;
        }
        return running;
    }

    private static SpringApplicationBuilder application(DemoDomain domain, boolean several) {
        return new SpringApplicationBuilder(domain.configuration(), NotificationInbox.class)
                .properties(Map.of(
                        "server.port",
                        "${" + domain.portProperty() + ":" + domain.defaultPort() + "}",
                        // only this machine reaches a demo subgraph (the gateway is the way in);
                        // --server.address=0.0.0.0 opens it, as a container needs
                        "server.address",
                        "127.0.0.1",
                        SubgraphDefinition.DESCRIPTOR_PROPERTY,
                        "${" + domain.descriptorProperty() + ":}",
                        "spring.application.name",
                        domain.id() + "-subgraph",
                        "spring.main.banner-mode",
                        several ? "off" : "console",
                        // one logging system serves every context of the JVM, so it would tag all lines with the
                        // first domain's name
                        "logging.include-application-name",
                        String.valueOf(!several),
                        // a gateway keeps its connections open: Tomcat's default closes one every 100 answers
                        "server.tomcat.max-keep-alive-requests",
                        "-1"));
    }

    /** One started domain subgraph. */
    public record RunningSubgraph(DemoDomain domain, ConfigurableApplicationContext context) {

        /** The port it actually listens on (differs from the configured one when that is 0). */
        public int port() {
            return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
        }
    }
}
