package io.meshcatalog.subgraphs.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.subgraphs.kit.access.CallerAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A kit subgraph started without a caller secret cannot tell one caller from another: it says so once at start and
 * serves public products only, to everyone, even to a request carrying a validly signed assertion.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoCallerSecretIT {

    @Test
    void withoutASecretOnlyPublicProductsAreServedAndTheStartSaysSo(CapturedOutput output) {
        try (ConfigurableApplicationContext depot = new SpringApplication(DepotSubgraph.class)
                .run("--server.port=0", "--" + CallerAssertions.SECRET_PROPERTY + "=")) {
            int port = Integer.parseInt(depot.getEnvironment().getRequiredProperty("local.server.port"));
            GraphQlHttp gateway = new GraphQlHttp(port, Callers.asserting(Callers.GATEWAY));

            assertThat(gateway.query("{ depotProducts { id } }")
                            .path("data")
                            .path("depotProducts")
                            .findValuesAsString("id"))
                    .containsExactly("depot.picks");
            assertThat(gateway.query("{ catalogContract { domain } }")
                            .path("data")
                            .path("catalogContract")
                            .path("domain")
                            .asString())
                    .isEqualTo("depot");
            String warning = "Subgraph depot: no caller secret";
            assertThat(output.getOut()).containsOnlyOnce(warning).contains("it serves public products only");
        }
    }
}
