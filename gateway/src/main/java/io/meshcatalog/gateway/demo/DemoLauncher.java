package io.meshcatalog.gateway.demo;

import io.meshcatalog.gateway.http.GatewayWiring;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * {@code java -jar gateway.jar --demo}: starts the domain subgraphs jar, then the gateway composing
 * them with the built-in catalog (embedded Neo4j unless {@code NEO4J_URI} is set), which harvests
 * them before it reports ready. Stopping the gateway stops the subgraphs.
 *
 * <p>Options: {@code --demo.subgraphs-jar=<file>} (default
 * {@code domain-subgraphs/mesh/target/domain-subgraphs.jar}), {@code --demo.base-port=<n>} (default
 * 4001; the five domains take n to n+4), and every gateway option.
 */
public final class DemoLauncher {

  static final String DEFAULT_JAR = "domain-subgraphs/mesh/target/domain-subgraphs.jar";

  private DemoLauncher() {
  }

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
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    String secret = callerSecret(args);
    DemoSubgraphs subgraphs = DemoSubgraphs.start(jar, basePort, Path.of("data", "domain-subgraphs.log"),
        Duration.ofSeconds(180), http, secret);
    List<String> gatewayArgs = new ArrayList<>();
    for (String arg : args) {
      if (!arg.equals("--demo") && !arg.startsWith("--demo.")) {
        gatewayArgs.add(arg);
      }
    }
    gatewayArgs.add("--subgraphs=" + subgraphs.subgraphsArgument());
    gatewayArgs.add("--" + GatewayWiring.CALLER_SECRET + "=" + secret);
    gatewayArgs.add("--catalog.enabled=true");
    SpringApplication app = new SpringApplication(application);
    app.addListeners(new StopSubgraphs(subgraphs));
    try {
      return app.run(gatewayArgs.toArray(String[]::new));
    } catch (RuntimeException e) {
      subgraphs.close();
      throw e;
    }
  }

  /**
   * The secret the gateway and the demo subgraphs share for caller assertions: {@code --gateway.caller-secret} or
   * {@code MESH_CALLER_SECRET} when given, otherwise a random one for this run (never written anywhere).
   */
  private static String callerSecret(String[] args) {
    String given = option(args, "--" + GatewayWiring.CALLER_SECRET + "=",
        System.getenv().getOrDefault(DemoSubgraphs.CALLER_SECRET_VARIABLE, ""));
    if (!given.isBlank()) {
      return given;
    }
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
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
