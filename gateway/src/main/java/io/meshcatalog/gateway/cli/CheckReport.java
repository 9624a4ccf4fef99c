package io.meshcatalog.gateway.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A descriptor check's answer ({@code descriptorCheck} of the catalog's API, as JSON values) written for a person at
 * a terminal ({@link Format#TEXT}), for a pull or merge request comment ({@link Format#MARKDOWN}, as GitHub and GitLab
 * render it) or for a tool ({@link Format#JSON}, the answer as it came). Pure: a value in, text out.
 */
final class CheckReport {

    /** How the report is written. */
    enum Format {
        TEXT,
        MARKDOWN,
        JSON
    }

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Map<String, Object> check;

    CheckReport(Map<String, Object> check) {
        this.check = check;
    }

    boolean breaking() {
        return Boolean.TRUE.equals(check.get("breaking"));
    }

    /** How many of the domain's products the caller's key may not see, and so were not compared. */
    int productsNotCompared() {
        return check.get("productsNotCompared") instanceof Number n ? n.intValue() : 0;
    }

    String render(Format format, String catalog) {
        return switch (format) {
            case JSON -> JSON.writeValueAsString(check) + "\n";
            case TEXT -> text(catalog);
            case MARKDOWN -> markdown(catalog);
        };
    }

    private String text(String catalog) {
        List<Map<String, Object>> changes = list("changes");
        StringBuilder out = new StringBuilder();
        out.append("Descriptor check of domain ")
                .append(check.get("domain"))
                .append(" against ")
                .append(catalog)
                .append(": ")
                .append(verdict(changes))
                .append("\n");
        section(
                out,
                "Changes",
                changes.isEmpty()
                        ? List.of("none: the catalog holds this descriptor already")
                        : changes.stream()
                                .map(c -> (breaking(c) ? "BREAKING  " : "          ")
                                        + change(c)
                                        + (text(c, "why").isEmpty() ? "" : "\n            " + text(c, "why")))
                                .toList());
        List<Map<String, Object>> breaks = list("breaks");
        if (!breaks.isEmpty()) {
            section(
                    out,
                    "What breaks downstream (" + breaks.size() + ")",
                    breaks.stream()
                            .map(b -> {
                                Map<String, Object> node = map(b, "node");
                                String domain = text(node, "domain");
                                return "degree " + node.get("degree") + "  " + node.get("kind") + " " + node.get("id")
                                        + (domain.isEmpty() ? "" : " (" + domain + ")")
                                        + strings(b, "because").stream()
                                                .map(why -> "\n            " + why)
                                                .collect(Collectors.joining());
                            })
                            .toList());
        }
        List<Map<String, Object>> teams = list("ownersToNotify");
        if (!teams.isEmpty()) {
            section(
                    out,
                    "Whom to tell",
                    teams.stream()
                            .map(t -> t.get("team") + " (" + members(t) + "): "
                                    + String.join(", ", strings(t, "affected")) + hiddenAffected(t))
                            .toList());
        }
        List<String> notes = strings(check, "notes");
        List<String> hidden = hidden();
        if (!notes.isEmpty() || !hidden.isEmpty() || Boolean.TRUE.equals(check.get("truncated"))) {
            List<String> lines = new ArrayList<>(notes);
            lines.addAll(hidden);
            if (Boolean.TRUE.equals(check.get("truncated"))) {
                lines.add("the answer was cut short by the catalog's traversal limits: more may break");
            }
            section(out, "Notes", lines);
        }
        return out.toString();
    }

    private String markdown(String catalog) {
        List<Map<String, Object>> changes = list("changes");
        StringBuilder out = new StringBuilder();
        out.append("### Mesh Catalog descriptor check: `")
                .append(check.get("domain"))
                .append("` is ")
                .append(breaking() ? "**breaking**" : "not breaking")
                .append("\n\n")
                .append(verdict(changes))
                .append(", checked against ")
                .append(cell(catalog))
                .append(".\n");
        if (!changes.isEmpty()) {
            out.append("\n| | Change | Subject | Before | After | Why |\n|---|---|---|---|---|---|\n");
            changes.forEach(c -> out.append("| ")
                    .append(breaking(c) ? "**breaking**" : "")
                    .append(" | ")
                    .append(text(c, "kind"))
                    .append(" | `")
                    .append(cell(text(c, "subject")))
                    .append("` | ")
                    .append(cell(text(c, "before")))
                    .append(" | ")
                    .append(cell(text(c, "after")))
                    .append(" | ")
                    .append(cell(text(c, "why")))
                    .append(" |\n"));
        }
        List<Map<String, Object>> breaks = list("breaks");
        if (!breaks.isEmpty()) {
            out.append("\n#### What breaks downstream (")
                    .append(breaks.size())
                    .append(")\n\n| Degree | Kind | Item | Domain | Because |\n|---|---|---|---|---|\n");
            breaks.forEach(b -> {
                Map<String, Object> node = map(b, "node");
                out.append("| ")
                        .append(node.get("degree"))
                        .append(" | ")
                        .append(node.get("kind"))
                        .append(" | `")
                        .append(cell(String.valueOf(node.get("id"))))
                        .append("` | ")
                        .append(cell(String.valueOf(node.get("domain"))))
                        .append(" | ")
                        .append(cell(String.join("; ", strings(b, "because"))))
                        .append(" |\n");
            });
        }
        List<Map<String, Object>> teams = list("ownersToNotify");
        if (!teams.isEmpty()) {
            out.append("\n#### Whom to tell\n\n| Team | Members | Affected |\n|---|---|---|\n");
            teams.forEach(t -> out.append("| ")
                    .append(cell(String.valueOf(t.get("team"))))
                    .append(" | ")
                    .append(cell(members(t)))
                    .append(" | ")
                    .append(cell(String.join(", ", strings(t, "affected")) + hiddenAffected(t)))
                    .append(" |\n"));
        }
        List<String> notes = new ArrayList<>(strings(check, "notes"));
        notes.addAll(hidden());
        if (!notes.isEmpty()) {
            out.append("\n");
            notes.forEach(note -> out.append("- ").append(cell(note)).append("\n"));
        }
        return out.toString();
    }

    private String verdict(List<Map<String, Object>> changes) {
        long breakingCount = changes.stream().filter(CheckReport::breaking).count();
        return (breaking() ? "BREAKING" : "OK") + " (" + changes.size()
                + (changes.size() == 1 ? " change, " : " changes, ") + breakingCount + " breaking)";
    }

    private List<String> hidden() {
        return list("hidden").stream()
                .map(h -> h.get("count") + " item(s) you may not see break too"
                        + (h.get("team") == null ? "" : ", owned by " + h.get("team")))
                .toList();
    }

    private static String change(Map<String, Object> c) {
        String before = text(c, "before");
        String after = text(c, "after");
        return text(c, "kind") + " " + text(c, "subject")
                + (before.isEmpty() && after.isEmpty()
                        ? ""
                        : " " + (before.isEmpty() ? "(none)" : before) + " -> " + (after.isEmpty() ? "(none)" : after));
    }

    private static String members(Map<String, Object> team) {
        List<Map<String, Object>> members = listOf(team.get("members"));
        return members.isEmpty()
                ? "no members listed"
                : members.stream()
                        .map(m -> m.get("name") + ", " + m.get("role"))
                        .collect(Collectors.joining("; "));
    }

    private static String hiddenAffected(Map<String, Object> team) {
        Object hidden = team.get("hiddenAffected");
        return hidden instanceof Number n && n.intValue() > 0 ? " and " + n + " you may not see" : "";
    }

    private static void section(StringBuilder out, String title, List<String> lines) {
        out.append("\n").append(title).append("\n");
        lines.forEach(line -> out.append("  ").append(line).append("\n"));
    }

    /** A markdown table cell: one line, pipes escaped. */
    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }

    private static boolean breaking(Map<String, Object> change) {
        return Boolean.TRUE.equals(change.get("breaking"));
    }

    private static String text(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? "" : String.valueOf(value);
    }

    private List<Map<String, Object>> list(String key) {
        return listOf(check.get(key));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOf(Object value) {
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> map, String key) {
        return map.get(key) instanceof Map<?, ?> inner ? (Map<String, Object>) inner : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> map, String key) {
        return map.get(key) instanceof List<?> list ? (List<String>) list : List.of();
    }
}
