package io.meshcatalog.graph.openlineage;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one OpenLineage 2-0-x event from JSON and checks it against the spec's required keys and
 * formats. Every problem is reported with its JSON pointer; an event with any problem is rejected
 * whole. Facets other than {@code schema} and {@code columnLineage} are accepted and ignored.
 */
public final class OpenLineageReader {

    private static final Set<String> EVENT_TYPES = Set.of("START", "RUNNING", "COMPLETE", "ABORT", "FAIL", "OTHER");
    /** Bounds what one event may carry, so that a single request cannot flood the graph. */
    static final int MAX_DATASETS = 1_000;
    static final int MAX_FIELDS = 5_000;

    private final ObjectMapper mapper = JsonMapper.builder().build();

    public LineageEvent read(String json) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidEventException(List.of("/: not valid JSON: " + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidEventException(List.of("/: expected a JSON object"));
        }
        List<String> problems = new ArrayList<>();
        Instant eventTime = time(root, "/eventTime", problems);
        String producer = uri(root, "producer", problems);
        String schemaUrl = uri(root, "schemaURL", problems);

        LineageEvent.Kind kind = root.has("run") ? LineageEvent.Kind.RUN
                : root.has("job") ? LineageEvent.Kind.JOB
                : root.has("dataset") ? LineageEvent.Kind.DATASET : null;
        if (kind == null) {
            problems.add("/: not a run, job or dataset event: expected a 'run', 'job' or 'dataset' key");
            throw new InvalidEventException(problems);
        }
        String runId = null;
        String eventType = null;
        if (kind == LineageEvent.Kind.RUN) {
            runId = text(root.path("run"), "runId", "/run/runId", problems);
            if (runId != null && !isUuid(runId)) {
                problems.add("/run/runId: expected a UUID, found '" + runId + "'");
            }
            eventType = root.has("eventType") ? root.get("eventType").asString("") : "OTHER";
            if (!EVENT_TYPES.contains(eventType)) {
                problems.add("/eventType: expected one of START, RUNNING, COMPLETE, ABORT, FAIL, OTHER; found '"
                        + eventType + "'");
            }
        }
        String jobNamespace = null;
        String jobName = null;
        if (kind != LineageEvent.Kind.DATASET) {
            JsonNode job = root.path("job");
            if (!job.isObject()) {
                problems.add("/job: required, an object with namespace and name");
            } else {
                jobNamespace = text(job, "namespace", "/job/namespace", problems);
                jobName = text(job, "name", "/job/name", problems);
            }
        }
        List<EventDataset> inputs = kind == LineageEvent.Kind.DATASET ? List.of()
                : datasets(root, "inputs", problems);
        List<EventDataset> outputs = kind == LineageEvent.Kind.DATASET
                ? single(root.path("dataset"), problems)
                : datasets(root, "outputs", problems);
        if (!problems.isEmpty()) {
            throw new InvalidEventException(problems);
        }
        return new LineageEvent(kind, eventTime, producer, schemaUrl, runId, eventType, jobNamespace, jobName,
                inputs, outputs);
    }

    private List<EventDataset> single(JsonNode dataset, List<String> problems) {
        EventDataset read = dataset(dataset, "/dataset", problems);
        return read == null ? List.of() : List.of(read);
    }

    private List<EventDataset> datasets(JsonNode root, String key, List<String> problems) {
        JsonNode list = root.path(key);
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            problems.add("/" + key + ": expected an array of datasets");
            return List.of();
        }
        if (list.size() > MAX_DATASETS) {
            problems.add("/" + key + ": " + list.size() + " datasets; at most " + MAX_DATASETS + " per event");
            return List.of();
        }
        List<EventDataset> result = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            EventDataset dataset = dataset(list.get(i), "/" + key + "/" + i, problems);
            if (dataset != null) {
                result.add(dataset);
            }
        }
        return result;
    }

    private @Nullable EventDataset dataset(JsonNode node, String at, List<String> problems) {
        if (!node.isObject()) {
            problems.add(at + ": expected a dataset object with namespace and name");
            return null;
        }
        String namespace = text(node, "namespace", at + "/namespace", problems);
        String name = text(node, "name", at + "/name", problems);
        JsonNode facets = node.path("facets");
        List<SchemaField> fields = new ArrayList<>();
        JsonNode schemaFields = facets.path("schema").path("fields");
        if (schemaFields.isArray()) {
            if (schemaFields.size() > MAX_FIELDS) {
                problems.add(at + "/facets/schema/fields: at most " + MAX_FIELDS + " fields per dataset");
            } else {
                for (int i = 0; i < schemaFields.size(); i++) {
                    JsonNode field = schemaFields.get(i);
                    String fieldName = text(field, "name", at + "/facets/schema/fields/" + i + "/name", problems);
                    if (fieldName != null) {
                        fields.add(new SchemaField(fieldName, field.path("type").asString(""),
                                field.path("description").asString("")));
                    }
                }
            }
        } else if (!schemaFields.isMissingNode()) {
            problems.add(at + "/facets/schema/fields: expected an array");
        }
        Map<String, List<ColumnSource>> lineage = new LinkedHashMap<>();
        JsonNode columns = facets.path("columnLineage").path("fields");
        if (columns.isObject()) {
            for (Map.Entry<String, JsonNode> column : columns.properties()) {
                String columnAt = at + "/facets/columnLineage/fields/" + pointerEscape(column.getKey());
                JsonNode sources = column.getValue().path("inputFields");
                if (!sources.isArray()) {
                    problems.add(columnAt + "/inputFields: required, an array");
                    continue;
                }
                List<ColumnSource> list = new ArrayList<>();
                for (int i = 0; i < sources.size(); i++) {
                    JsonNode source = sources.get(i);
                    String sourceAt = columnAt + "/inputFields/" + i;
                    String ns = text(source, "namespace", sourceAt + "/namespace", problems);
                    String n = text(source, "name", sourceAt + "/name", problems);
                    String f = text(source, "field", sourceAt + "/field", problems);
                    if (ns != null && n != null && f != null) {
                        list.add(new ColumnSource(ns, n, f));
                    }
                }
                lineage.put(column.getKey(), list);
            }
        } else if (!columns.isMissingNode()) {
            problems.add(at + "/facets/columnLineage/fields: expected an object keyed by output field");
        }
        if (namespace == null || name == null) {
            return null;
        }
        return new EventDataset(namespace, name, fields, lineage);
    }

    private static @Nullable String text(JsonNode node, String key, String at, List<String> problems) {
        JsonNode value = node.path(key);
        if (!value.isString() || value.asString().isBlank()) {
            problems.add(at + ": required, a non-empty string");
            return null;
        }
        if (value.asString().length() > 1_000) {
            problems.add(at + ": longer than 1000 characters");
            return null;
        }
        return value.asString();
    }

    private static String uri(JsonNode root, String key, List<String> problems) {
        String value = text(root, key, "/" + key, problems);
        if (value != null) {
            if (!isAbsoluteUri(value)) {
                problems.add("/" + key + ": expected an absolute URI, found '" + value + "'");
            }
        }
        return value == null ? "" : value;
    }

    private static boolean isAbsoluteUri(String value) {
        try {
            return new URI(value).getScheme() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Instant time(JsonNode root, String at, List<String> problems) {
        String value = text(root, "eventTime", at, problems);
        if (value == null) {
            return Instant.EPOCH;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(at + ": expected an ISO-8601 date-time with offset, found '" + value + "'");
            return Instant.EPOCH;
        }
    }

    private static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return value.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String pointerEscape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
