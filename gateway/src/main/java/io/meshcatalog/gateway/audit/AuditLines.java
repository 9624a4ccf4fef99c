package io.meshcatalog.gateway.audit;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The line format, its one home: a JSON object per line, fields in a fixed order, the hash last:
 * <pre>{"seq":1,"time":"…","kind":"…","actor":"…","source":"…","target":"…","outcome":"…","details":{…},"prev":"…","hash":"…"}</pre>
 * {@code hash} is the SHA-256 (lower-case hex) of the UTF-8 bytes of the line without its hash field, that is the
 * object up to {@code prev} closed with {@code }}; {@code prev} is the hash of the line before (64 zeros for the
 * first line). A verifier hashes the bytes it reads and never re-serialises, so the check cannot depend on how a
 * JSON library prints numbers. Text is bounded ({@link #MAX_TEXT} characters, cut values end with {@code …}) and
 * a line never exceeds {@link #MAX_LINE_BYTES}; Jackson escapes control characters, so a value can never start a
 * line of its own.
 */
final class AuditLines {

    /** The {@code prev} of the first line. */
    static final String GENESIS = "0".repeat(64);
    /** The largest line, its newline included. */
    static final int MAX_LINE_BYTES = 16 * 1024;
    /** The longest actor, source, target, outcome and details value, in characters. */
    static final int MAX_TEXT = 512;
    /** The longest details key. */
    static final int MAX_KEY = 64;
    /** The most items of a list value. */
    static final int MAX_ITEMS = 64;

    private static final byte[] HASH_PREFIX = ",\"hash\":\"".getBytes(StandardCharsets.US_ASCII);
    /** {@code ,"hash":"<64 hex>"}}. */
    private static final int SUFFIX = HASH_PREFIX.length + 64 + 2;

    private static final List<String> FIELDS =
            List.of("seq", "time", "kind", "actor", "source", "target", "outcome", "details", "prev", "hash");
    private static final List<String> TEXT_FIELDS = List.of("time", "kind", "actor", "source", "target", "outcome");

    private final JsonMapper json;

    AuditLines(JsonMapper json) {
        this.json = json;
    }

    /** One line as written: its bytes (newline included) and its hash. */
    record Encoded(byte[] bytes, String hash) {}

    /** What the chain rule reads of a line; {@code fields} is the parsed object, for the reader. */
    record Link(long seq, String prev, String hash, Instant time, JsonNode fields) {}

    /** A line that is not an audit line, or whose hash does not match its bytes. */
    static final class BadLine extends Exception {

        private static final long serialVersionUID = 1L;

        BadLine(String message) {
            super(message, null, false, false);
        }
    }

    /** The line of {@code event} as number {@code seq} after the line whose hash is {@code prev}. */
    Encoded encode(long seq, String prev, AuditEvent event) {
        byte[] body = body(seq, prev, event, details(event.details()));
        if (body.length + SUFFIX + 1 > MAX_LINE_BYTES) {
            Map<String, Object> omitted = Map.of(
                    "_omitted",
                    event.details().size() + " details left out: the line would exceed " + MAX_LINE_BYTES + " bytes");
            body = body(seq, prev, event, omitted);
        }
        String hash = sha256(body, body.length);
        ByteArrayOutputStream line = new ByteArrayOutputStream(body.length + SUFFIX + 1);
        line.write(body, 0, body.length - 1);
        line.writeBytes(HASH_PREFIX);
        line.writeBytes(hash.getBytes(StandardCharsets.US_ASCII));
        line.writeBytes(new byte[] {'"', '}', '\n'});
        return new Encoded(line.toByteArray(), hash);
    }

    /** Checks a line's hash against its bytes, then reads the fields the chain rule needs. */
    Link link(byte[] line) throws BadLine {
        int length = line.length;
        if (length < SUFFIX + 2 || !endsWithHash(line)) {
            throw new BadLine("not an audit line: it does not end with its \"hash\"");
        }
        String stored = new String(line, length - SUFFIX + HASH_PREFIX.length, 64, StandardCharsets.US_ASCII);
        byte[] body = Arrays.copyOf(line, length - SUFFIX + 1);
        body[body.length - 1] = '}';
        if (!sha256(body, body.length).equals(stored)) {
            throw new BadLine("edited: the line's hash does not match its content");
        }
        JsonNode fields;
        try {
            fields = json.readTree(line);
        } catch (JacksonException e) {
            throw new BadLine("not an audit line: " + e.getOriginalMessage());
        }
        List<String> names = new ArrayList<>(fields.propertyNames());
        if (!names.equals(FIELDS)) {
            throw new BadLine("not an audit line: its fields are " + names + ", expected " + FIELDS);
        }
        if (!fields.get("seq").canConvertToLong()
                || !fields.get("seq").isIntegralNumber()
                || !fields.get("prev").isString()
                || !isHash(fields.get("prev").asString())) {
            throw new BadLine("not an audit line: \"seq\" must be a number and \"prev\" a SHA-256 in hex");
        }
        for (String text : TEXT_FIELDS) {
            if (!fields.get(text).isString()) {
                throw new BadLine("not an audit line: \"" + text + "\" must be a string");
            }
        }
        if (!fields.get("details").isObject()) {
            throw new BadLine("not an audit line: \"details\" must be an object");
        }
        try {
            return new Link(
                    fields.get("seq").asLong(),
                    fields.get("prev").asString(),
                    stored,
                    Instant.parse(fields.get("time").asString()),
                    fields);
        } catch (DateTimeException e) {
            throw new BadLine("not an audit line: \"time\" is not an ISO-8601 instant");
        }
    }

    /** The record a checked line holds. */
    static AuditRecord record(Link link) throws BadLine {
        JsonNode fields = link.fields();
        AuditKind kind;
        try {
            kind = AuditKind.valueOf(fields.get("kind").asString());
        } catch (IllegalArgumentException e) {
            throw new BadLine("unknown kind \"" + fields.get("kind").asString() + "\" (written by a newer gateway?)");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        fields.get("details").properties().forEach(entry -> {
            Object value = value(entry.getValue());
            if (value != null) {
                details.put(entry.getKey(), value);
            }
        });
        return new AuditRecord(
                link.seq(),
                new AuditEvent(
                        link.time(),
                        kind,
                        fields.get("actor").asString(),
                        fields.get("source").asString(),
                        fields.get("target").asString(),
                        fields.get("outcome").asString(),
                        details),
                link.prev(),
                link.hash());
    }

    /** The sequence number of a line, read without checking it: for seeking. */
    long seqOf(byte[] line) throws BadLine {
        try {
            JsonNode seq = json.readTree(line).get("seq");
            if (seq == null || !seq.isIntegralNumber()) {
                throw new BadLine("not an audit line: no \"seq\"");
            }
            return seq.asLong();
        } catch (JacksonException e) {
            throw new BadLine("not an audit line: " + e.getOriginalMessage());
        }
    }

    private byte[] body(long seq, String prev, AuditEvent event, Map<String, ?> details) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeNumberProperty("seq", seq);
            generator.writeStringProperty("time", event.at().toString());
            generator.writeStringProperty("kind", event.kind().name());
            generator.writeStringProperty("actor", cut(event.actor()));
            generator.writeStringProperty("source", cut(event.source()));
            generator.writeStringProperty("target", cut(event.target()));
            generator.writeStringProperty("outcome", cut(event.outcome()));
            generator.writeName("details");
            generator.writeStartObject();
            for (Map.Entry<String, ?> entry : details.entrySet()) {
                generator.writeName(entry.getKey());
                write(generator, entry.getValue());
            }
            generator.writeEndObject();
            generator.writeStringProperty("prev", prev);
            generator.writeEndObject();
        }
        return out.toByteArray();
    }

    /** Details sorted by key, keys and values bounded, values made JSON scalars or lists of text. */
    private static Map<String, Object> details(Map<String, @Nullable Object> details) {
        Map<String, Object> sorted = new TreeMap<>();
        details.forEach((key, value) -> {
            if (value != null) {
                sorted.put(cut(key, MAX_KEY), bounded(value));
            }
        });
        return sorted;
    }

    private static Object bounded(Object value) {
        if (value instanceof Number number && !(value instanceof Double || value instanceof Float)) {
            return number;
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return Double.isFinite(number) ? number : String.valueOf(number);
        }
        if (value instanceof Boolean) {
            return value;
        }
        if (value instanceof Collection<?> items) {
            List<String> texts = new ArrayList<>();
            for (Object item : items) {
                if (texts.size() == MAX_ITEMS) {
                    texts.add("… " + (items.size() - MAX_ITEMS) + " more");
                    break;
                }
                texts.add(cut(String.valueOf(item)));
            }
            return texts;
        }
        return cut(String.valueOf(value));
    }

    private static void write(JsonGenerator generator, Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            generator.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigInteger number) {
            generator.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            generator.writeNumber(number);
        } else if (value instanceof Double number) {
            generator.writeNumber(number);
        } else if (value instanceof Number number) {
            generator.writeString(cut(number.toString()));
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else if (value instanceof List<?> items) {
            generator.writeStartArray();
            for (Object item : items) {
                generator.writeString(String.valueOf(item));
            }
            generator.writeEndArray();
        } else {
            generator.writeString(String.valueOf(value));
        }
    }

    private static @Nullable Object value(JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.values().forEach(item -> items.add(text(item)));
            return List.copyOf(items);
        }
        return node.isNull() ? null : text(node);
    }

    /** A string as it is; anything else (which the writer never puts there) as its JSON. */
    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : node.toString();
    }

    static String cut(String text) {
        return cut(text, MAX_TEXT);
    }

    /** {@code text} up to {@code max} characters, never splitting a surrogate pair; cut text ends with an ellipsis. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "…";
    }

    static boolean isHash(String text) {
        if (text.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWithHash(byte[] line) {
        int start = line.length - SUFFIX;
        for (int i = 0; i < HASH_PREFIX.length; i++) {
            if (line[start + i] != HASH_PREFIX[i]) {
                return false;
            }
        }
        for (int i = start + HASH_PREFIX.length; i < line.length - 2; i++) {
            byte c = line[i];
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return line[line.length - 2] == '"' && line[line.length - 1] == '}';
    }

    static String sha256(byte[] bytes, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, 0, length);
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
