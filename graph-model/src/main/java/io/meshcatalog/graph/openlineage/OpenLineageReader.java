package io.meshcatalog.graph.openlineage;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
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
 * formats, and against the {@link IntakeLimits}. Every problem is reported with its JSON pointer (the first
 * {@link #MAX_PROBLEMS}, then how many more); an event with any problem is rejected whole. Facets other than
 * {@code schema} and {@code columnLineage} are accepted and ignored. As lenient as Marquez where the spec is strict
 * for no reader's benefit: an {@code eventTime} without an offset is taken as UTC.
 */
public final class OpenLineageReader {

    private static final Set<String> EVENT_TYPES = Set.of("START", "RUNNING", "COMPLETE", "ABORT", "FAIL", "OTHER");
    /** The problems named one by one; a flood of bad entries is told as a count. */
    static final int MAX_PROBLEMS = 50;

    private final ObjectMapper mapper = JsonMapper.builder().build();
    private final IntakeLimits limits;

    public OpenLineageReader() {
        this(IntakeLimits.DEFAULTS);
    }

    public OpenLineageReader(IntakeLimits limits) {
        this.limits = limits;
    }

    /** The bounds events are read against. */
    public IntakeLimits limits() {
        return limits;
    }

    public LineageEvent read(String json) {
        return read(parse(json));
    }

    /** The JSON tree of a request's body, or a refusal saying why it is not JSON. */
    JsonNode parse(String json) {
        try {
            return mapper.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidEventException(List.of("/: not valid JSON: " + e.getOriginalMessage()));
        }
    }

    /** Reads one event already parsed (an element of a batch). */
    public LineageEvent read(@Nullable JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new InvalidEventException(List.of("/: expected a JSON object"));
        }
        Problems problems = new Problems();
        Instant eventTime = time(root, "/eventTime", problems);
        String producer = uri(root, "producer", problems);
        String schemaUrl = uri(root, "schemaURL", problems);

        LineageEvent.Kind kind = root.has("run")
                ? LineageEvent.Kind.RUN
                : root.has("job") ? LineageEvent.Kind.JOB : root.has("dataset") ? LineageEvent.Kind.DATASET : null;
        if (kind == null) {
            problems.add("/: not a run, job or dataset event: expected a 'run', 'job' or 'dataset' key");
            throw problems.refusal();
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
        List<EventDataset> inputs = kind == LineageEvent.Kind.DATASET ? List.of() : datasets(root, "inputs", problems);
        List<EventDataset> outputs = kind == LineageEvent.Kind.DATASET
                ? single(root.path("dataset"), problems)
                : datasets(root, "outputs", problems);
        long edges = (long) inputs.size() * outputs.size();
        if (edges > limits.datasetEdges()) {
            problems.add("/: " + inputs.size() + " inputs times " + outputs.size() + " outputs make " + edges
                    + " dataset lineage edges; " + limits.atMost(limits.datasetEdges(), "dataset-edges")
                    + " per event");
        }
        if (!problems.isEmpty()) {
            throw problems.refusal();
        }
        JsonNode error = root.path("run").path("facets").path("errorMessage").path("message");
        return new LineageEvent(
                kind,
                eventTime,
                producer,
                schemaUrl,
                runId,
                eventType,
                jobNamespace,
                jobName,
                inputs,
                outputs,
                error.isString() ? error.asString() : null);
    }

    private List<EventDataset> single(JsonNode dataset, Problems problems) {
        EventDataset read = dataset(dataset, "/dataset", problems);
        return read == null ? List.of() : List.of(read);
    }

    private List<EventDataset> datasets(JsonNode root, String key, Problems problems) {
        JsonNode list = root.path(key);
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            problems.add("/" + key + ": expected an array of datasets");
            return List.of();
        }
        if (list.size() > limits.datasets()) {
            problems.add("/" + key + ": " + list.size() + " datasets; " + limits.atMost(limits.datasets(), "datasets")
                    + " per event");
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

    private @Nullable EventDataset dataset(JsonNode node, String at, Problems problems) {
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
            problems.fields += schemaFields.size();
            if (problems.fields > limits.fields()) {
                problems.add(at + "/facets/schema/fields: " + problems.fields + " schema fields so far; "
                        + limits.atMost(limits.fields(), "fields") + " per event");
            } else {
                for (int i = 0; i < schemaFields.size(); i++) {
                    JsonNode field = schemaFields.get(i);
                    String fieldName = text(field, "name", at + "/facets/schema/fields/" + i + "/name", problems);
                    if (fieldName != null) {
                        fields.add(new SchemaField(
                                fieldName,
                                field.path("type").asString(""),
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
                String columnRefusal = OpenLineageNames.refusal(column.getKey());
                if (columnRefusal != null || column.getKey().length() > OpenLineageNames.MAX_KEY_LENGTH) {
                    problems.add(columnAt + ": the output field's name "
                            + (columnRefusal != null
                                    ? columnRefusal
                                    : "is longer than " + OpenLineageNames.MAX_KEY_LENGTH + " characters"));
                    continue;
                }
                if (++problems.fields > limits.fields()) {
                    problems.add(columnAt + ": " + problems.fields + " fields so far; "
                            + limits.atMost(limits.fields(), "fields") + " per event");
                    break;
                }
                JsonNode sources = column.getValue().path("inputFields");
                if (!sources.isArray()) {
                    problems.add(columnAt + "/inputFields: required, an array");
                    continue;
                }
                problems.inputFields += sources.size();
                if (problems.inputFields > limits.inputFields()) {
                    problems.add(columnAt + "/inputFields: " + problems.inputFields + " column sources so far; "
                            + limits.atMost(limits.inputFields(), "input-fields") + " per event");
                    break;
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
        String key = EventDataset.key(namespace, name);
        int longestField = fields.stream()
                .mapToInt(field -> field.name().length() + 1)
                .max()
                .orElse(0);
        if (key.length() + longestField > OpenLineageNames.MAX_KEY_LENGTH) {
            problems.add(at + ": '<namespace>/<name>' with its longest field name is longer than "
                    + OpenLineageNames.MAX_KEY_LENGTH + " characters");
            return null;
        }
        return new EventDataset(namespace, name, fields, lineage, QualityFacets.read(node, at, limits, problems));
    }

    static @Nullable String text(JsonNode node, String key, String at, Problems problems) {
        JsonNode value = node.path(key);
        if (!value.isString() || value.asString().isBlank()) {
            problems.add(at + ": required, a non-empty string");
            return null;
        }
        if (value.asString().length() > OpenLineageNames.MAX_KEY_LENGTH) {
            problems.add(at + ": longer than " + OpenLineageNames.MAX_KEY_LENGTH + " characters");
            return null;
        }
        String refusal = OpenLineageNames.refusal(value.asString());
        if (refusal != null) {
            problems.add(at + ": " + refusal);
            return null;
        }
        return value.asString();
    }

    private static String uri(JsonNode root, String key, Problems problems) {
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

    private static Instant time(JsonNode root, String at, Problems problems) {
        String value = text(root, "eventTime", at, problems);
        if (value == null) {
            return Instant.EPOCH;
        }
        try {
            return ZonedDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutZone) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                problems.add(at + ": expected an ISO-8601 date-time such as 2026-11-20T06:15:00Z (without an offset it "
                        + "is taken as UTC), found '" + value + "'");
                return Instant.EPOCH;
            }
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

    static String pointerEscape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** The problems of one event, the first {@link #MAX_PROBLEMS} by name, and what it carries so far. */
    static final class Problems {

        private final List<String> named = new ArrayList<>();
        private int more;
        int fields;
        int inputFields;

        void add(String problem) {
            if (named.size() < MAX_PROBLEMS) {
                named.add(problem);
            } else {
                more++;
            }
        }

        boolean isEmpty() {
            return named.isEmpty();
        }

        InvalidEventException refusal() {
            List<String> all = new ArrayList<>(named);
            if (more > 0) {
                all.add("… and " + more + " more problems");
            }
            return new InvalidEventException(all);
        }
    }
}
