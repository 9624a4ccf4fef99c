package io.meshcatalog.subgraphs.kit.http;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** Writes a response whose body is a GraphQL response with one request error and no data. */
final class GraphQlErrorBody {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GraphQlErrorBody() {}

    static void write(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write(JSON.writeValueAsString(Map.of(
                        "errors",
                        List.of(Map.of("message", message, "extensions", Map.of("classification", "BAD_REQUEST"))))));
    }
}
