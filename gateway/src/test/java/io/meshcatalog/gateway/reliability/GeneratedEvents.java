package io.meshcatalog.gateway.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * OpenLineage events made at random: run, job and dataset events, mostly valid, in the namespace the fuzzing key may
 * write and in others; some damaged (a key removed, a value of the wrong type), some oversized (arrays beyond the
 * intake's bounds), some not JSON at all.
 */
final class GeneratedEvents {

    /** The namespace the fuzz suite's key may write in. */
    static final String NAMESPACE = "fuzz-etl";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> NAMES = List.of(
            "orders",
            "daily_orders",
            "lake/raw/orders",
            "ÄÖÜ",
            "a\u0007b",
            "x".repeat(1_200),
            "public.orders",
            "analytics.crm.contacts",
            "",
            " ",
            "'; DROP TABLE x; --");
    private static final List<String> TIMES = List.of(
            "2026-12-01T06:00:00Z",
            "2026-12-01T06:00:00",
            "2026-12-01T06:00:00.123456+02:00",
            "yesterday",
            "",
            "2026-13-45T99:99:99Z");

    private final Random random;

    private GeneratedEvents(Random random) {
        this.random = random;
    }

    /** One request body, from {@code seed}. */
    static String generate(long seed) {
        return new GeneratedEvents(new Random(seed)).body();
    }

    private String body() {
        int shape = random.nextInt(20);
        if (shape == 0) {
            return List.of("", "{", "[]", "null", "{\"eventType\": ", "<html/>").get(random.nextInt(6));
        }
        Map<String, @Nullable Object> event = event();
        if (shape <= 3) {
            damage(event);
        }
        if (shape == 4) {
            oversize(event);
        }
        return JSON.writeValueAsString(event);
    }

    private Map<String, @Nullable Object> event() {
        Map<String, @Nullable Object> event = new LinkedHashMap<>();
        event.put("eventTime", pick(TIMES, 0.8));
        event.put("producer", random.nextInt(10) == 0 ? "not a uri" : "https://example.com/fuzz");
        event.put("schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent");
        int kind = random.nextInt(3);
        if (kind == 2) {
            event.put("dataset", dataset());
            return event;
        }
        if (kind == 0) {
            event.put(
                    "eventType", pick(List.of("START", "RUNNING", "COMPLETE", "FAIL", "ABORT", "OTHER", "DONE"), 0.0));
            event.put(
                    "run",
                    Map.of(
                            "runId",
                            random.nextInt(10) == 0
                                    ? "42"
                                    : new UUID(random.nextLong(), random.nextLong()).toString()));
        }
        event.put(
                "job", Map.of("namespace", random.nextInt(6) == 0 ? "elsewhere" : NAMESPACE, "name", pick(NAMES, 0.6)));
        event.put("inputs", datasets());
        event.put("outputs", datasets());
        return event;
    }

    private List<Map<String, Object>> datasets() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            out.add(dataset());
        }
        return out;
    }

    private Map<String, Object> dataset() {
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("namespace", random.nextInt(6) == 0 ? "elsewhere" : NAMESPACE);
        dataset.put("name", pick(NAMES, 0.5));
        if (random.nextBoolean()) {
            List<Map<String, String>> fields = new ArrayList<>();
            for (int i = random.nextInt(5); i > 0; i--) {
                fields.add(
                        Map.of("name", pick(List.of("id", "total", "email", "a\u0000b", ""), 0.7), "type", "string"));
            }
            Map<String, Object> facets = new LinkedHashMap<>();
            facets.put("schema", Map.of("fields", fields));
            facets.put(
                    "columnLineage",
                    Map.of(
                            "fields",
                            Map.of(
                                    "total",
                                    Map.of(
                                            "inputFields",
                                            List.of(Map.of(
                                                    "namespace", NAMESPACE, "name", "orders", "field", "amount"))))));
            dataset.put("facets", facets);
        }
        return dataset;
    }

    /** A key removed, or a value replaced by one of the wrong type. */
    private void damage(Map<String, @Nullable Object> event) {
        List<String> keys = new ArrayList<>(event.keySet());
        String key = keys.get(random.nextInt(keys.size()));
        if (random.nextBoolean()) {
            event.remove(key);
        } else {
            event.put(key, List.of(42, "text", List.of(), Map.of()).get(random.nextInt(4)));
        }
    }

    /** Arrays beyond what the intake takes: many inputs, or many column sources. */
    private void oversize(Map<String, @Nullable Object> event) {
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 1_100; i++) {
            many.add(Map.of("namespace", NAMESPACE, "name", "in_" + i));
        }
        event.put("inputs", many);
        event.remove("dataset");
        List<Map<String, String>> sources = new ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            sources.add(Map.of("namespace", NAMESPACE, "name", "orders", "field", "f" + i));
        }
        event.put(
                "outputs",
                List.of(Map.of(
                        "namespace",
                        NAMESPACE,
                        "name",
                        "wide",
                        "facets",
                        Map.of("columnLineage", Map.of("fields", Map.of("total", Map.of("inputFields", sources)))))));
    }

    private String pick(List<String> values, double firstOdds) {
        return random.nextDouble() < firstOdds ? values.get(0) : values.get(random.nextInt(values.size()));
    }
}
