package io.meshcatalog.gateway.graphiql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A saved operation of {@code queries/}: its file name, its text, and the HTTP headers it is meant to be sent with,
 * from a comment line {@code # headers: {"X-Api-Key": "…"}} (one JSON object of strings, as GraphiQL's Headers
 * editor takes it). A query that shows a caller's view (a private product, an admin's findings) names the demo
 * persona it runs as there; GraphiQL opens its tab with those headers, and the demo's tests send them.
 *
 * @param headers header names and values; empty when the file has no headers line
 */
public record SavedQuery(String name, String query, Map<String, String> headers) {

    private static final Pattern HEADERS = Pattern.compile("^#\\s*headers:\\s*(.*)$", Pattern.MULTILINE);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public SavedQuery {
        headers = Map.copyOf(headers);
    }

    /**
     * Reads a saved operation.
     *
     * @throws IllegalArgumentException naming the file when it has more than one headers line or one that is not a
     *     JSON object of strings
     */
    public static SavedQuery parse(String name, String text) {
        Matcher line = HEADERS.matcher(text);
        if (!line.find()) {
            return new SavedQuery(name, text, Map.of());
        }
        String json = line.group(1).strip();
        if (line.find()) {
            throw new IllegalArgumentException(name + ": more than one '# headers:' line");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        try {
            JsonNode object = JSON.readTree(json);
            if (object == null || !object.isObject()) {
                throw new IllegalArgumentException(name + ": '# headers:' takes a JSON object, such as "
                        + "{\"X-Api-Key\": \"mck_…\"}, got " + json);
            }
            for (Map.Entry<String, JsonNode> header : object.properties()) {
                if (!header.getValue().isString()) {
                    throw new IllegalArgumentException(name + ": header " + header.getKey() + " must be a string");
                }
                headers.put(header.getKey(), header.getValue().asString());
            }
        } catch (JacksonException e) {
            throw new IllegalArgumentException(name + ": '# headers:' is not JSON: " + e.getOriginalMessage(), e);
        }
        return new SavedQuery(name, text, headers);
    }

    /** The headers as GraphiQL's Headers editor shows them: a JSON object, or empty. */
    public String headersJson() {
        return headers.isEmpty() ? "" : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(headers);
    }
}
