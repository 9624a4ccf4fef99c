package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.graph.descriptor.DescriptorLoader;
import com.jayway.jsonpath.JsonPath;
import io.meshcatalog.graph.model.DataProduct;
import io.meshcatalog.graph.model.Visibility;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The subgraph as the gateway reaches it, over HTTP: its catalog contract holds every product of its descriptor (what
 * the gateway harvests), its Federation SDL declares the entities, and a caller the gateway has not vouched for sees
 * the public products only.
 */
@SpringBootTest(classes = SubgraphApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class SubgraphApplicationTests {

    @LocalServerPort
    int port;

    @Test
    void servesEveryProductOfItsDescriptorAndItsFederationSdl() throws Exception {
        List<DataProduct> declared;
        try (var in = new InputStreamReader(getClass().getResourceAsStream("/descriptor.yaml"), StandardCharsets.UTF_8)) {
            declared = new DescriptorLoader().load("descriptor.yaml", in).products();
        }

        String answer = post("{ catalogContract { domain products { id } } _service { sdl } ${domain}Products { id } }");

        assertThat(answer).doesNotContain("\"errors\"");
        List<String> contract = JsonPath.read(answer, "$.data.catalogContract.products[*].id");
        List<String> served = JsonPath.read(answer, "$.data.${domain}Products[*].id");
        assertThat(JsonPath.<String>read(answer, "$.data.catalogContract.domain")).isEqualTo("${domain}");
        assertThat(contract).containsExactlyElementsOf(declared.stream().map(p -> p.id().value()).toList());
        assertThat(served).containsExactlyElementsOf(declared.stream()
                .filter(p -> p.visibility() == Visibility.PUBLIC).map(p -> p.id().value()).toList());
        assertThat(JsonPath.<String>read(answer, "$.data._service.sdl")).contains("type DataProduct @key");
    }

    private String post(String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"" + query.replace("\"", "\\\"") + "\"}"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
