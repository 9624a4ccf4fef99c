package io.meshcatalog.gateway.demo;

import io.meshcatalog.gateway.execution.Gateway;
import io.meshcatalog.gateway.http.SubgraphsStarting;
import io.meshcatalog.gateway.security.ApiKeys;
import io.meshcatalog.gateway.security.SecurityWiring;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * {@code java -jar gateway.jar --demo}: starts the domain subgraphs jar and, while they come up, the gateway, which
 * composes them with the built-in catalog (embedded Neo4j unless {@code NEO4J_URI} is set) once they answer and
 * harvests them before it reports ready. Stopping the gateway stops the subgraphs.
 *
 * <p>The demo's personas (an analyst, an orders engineer, a marketing engineer, a CRM engineer, an admin) are turned
 * on: their API keys' hashes come from {@code demo/personas.properties}, under any configuration of the user's own.
 * Once the gateway is up, the personas tell the sharing story through the API ({@link DemoSharing}). The
 * gateway and the subgraphs share a random caller assertion secret ({@code MESH_CALLER_SECRET}, passed to the child
 * through its environment) unless one is set already.
 *
 * <p>Options: {@code --demo.subgraphs-jar=<file>} (default
 * {@code domain-subgraphs/mesh/target/domain-subgraphs.jar}), {@code --demo.base-port=<n>} (default
 * 4001; the five domains take n to n+4), and every gateway option.
 */
public final class DemoLauncher {

    static final String DEFAULT_JAR = "domain-subgraphs/mesh/target/domain-subgraphs.jar";
    static final String PERSONAS = "/demo/personas.properties";

    private DemoLauncher() {}

    public static boolean requested(String[] args) {
        for (String arg : args) {
            if (arg.equals("--demo")) {
                return true;
            }
        }
        return false;
    }

    /** Starts the demo mesh and the gateway; the subgraphs stop when the returned context closes. */
    public static ConfigurableApplicationContext run(Class<?> application, String[] args) {
        Path jar = Path.of(option(args, "--demo.subgraphs-jar=", DEFAULT_JAR));
        int basePort = Integer.parseInt(option(args, "--demo.base-port=", "4001"));
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String secret = System.getenv(SecurityWiring.SECRET_VARIABLE);
        if (secret == null || secret.isBlank()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }
        DemoSubgraphs subgraphs = DemoSubgraphs.start(
                jar, basePort, Path.of("data", "domain-subgraphs.log"), Map.of(SecurityWiring.SECRET_VARIABLE, secret));
        List<String> gatewayArgs = new ArrayList<>();
        for (String arg : args) {
            if (!arg.equals("--demo") && !arg.startsWith("--demo.")) {
                gatewayArgs.add(arg);
            }
        }
        gatewayArgs.add("--subgraphs=" + subgraphs.subgraphsArgument());
        gatewayArgs.add("--catalog.enabled=true");
        SpringApplication app = new SpringApplication(application);
        // the lowest precedence: the user's own configuration wins
        Properties demo = personas();
        demo.setProperty("security.subgraph-secret", secret);
        // each team's notifications to its domain's inbox (a user's own catalog.notifications.webhooks replace them
        // all)
        subgraphs.webhookProperties().forEach(demo::setProperty);
        app.setDefaultProperties(demo);
        app.addListeners(new StopSubgraphs(subgraphs));
        // the gateway waits for them once its own parts are up: the two start-ups overlap
        app.addInitializers(context -> context.getBeanFactory()
                .registerSingleton("demoSubgraphsStarting", (SubgraphsStarting)
                        () -> subgraphs.awaitReady(Duration.ofSeconds(180), http)));
        ConfigurableApplicationContext context;
        try {
            context = app.run(gatewayArgs.toArray(String[]::new));
        } catch (RuntimeException e) {
            subgraphs.close();
            throw e;
        }
        // the catalog has harvested the subgraphs by now (its first harvest runs when the application is ready)
        DemoCalls calls = new DemoCalls(context.getBean(Gateway.class), context.getBean(ApiKeys.class));
        new DemoTemplates(calls).publish();
        new DemoSharing(calls, Clock.systemUTC()).tell();
        return context;
    }

    private static Properties personas() {
        Properties personas = new Properties();
        try (InputStream in = DemoLauncher.class.getResourceAsStream(PERSONAS)) {
            if (in == null) {
                throw new IllegalStateException("the demo personas " + PERSONAS + " are not on the classpath");
            }
            personas.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return personas;
    }

    private static String option(String[] args, String prefix, String fallback) {
        @Nullable String value = null;
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                value = arg.substring(prefix.length());
            }
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Stops the child process with the gateway. */
    private record StopSubgraphs(DemoSubgraphs subgraphs) implements ApplicationListener<ContextClosedEvent> {

        @Override
        public void onApplicationEvent(ContextClosedEvent event) {
            subgraphs.close();
        }
    }
}
