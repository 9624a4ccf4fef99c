package io.meshcatalog.gateway.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps every error message of a GraphQL response short, whoever wrote it: graphql-java's validation quotes the
 * values and names it refuses, the catalog quotes the ids it cannot read, so a 100 KB argument made a 1.2 MB
 * answer. A message longer than {@link #MAX_CHARACTERS} keeps its beginning and its end (where most messages say what
 * was expected) and says how much was cut in between.
 */
public final class ErrorExcerpts {

    /** The longest message answered whole. */
    static final int MAX_CHARACTERS = 1_000;

    private static final int KEPT_EACH_SIDE = 400;

    private ErrorExcerpts() {}

    /** The response with each too long {@code errors[].message} cut; the same map when none is. */
    static Map<String, Object> of(Map<String, Object> response) {
        if (!(response.get("errors") instanceof List<?> errors)
                || errors.stream().noneMatch(error -> message(error).length() > MAX_CHARACTERS)) {
            return response;
        }
        List<Object> cut = new ArrayList<>(errors.size());
        for (Object error : errors) {
            if (message(error).length() > MAX_CHARACTERS && error instanceof Map<?, ?> fields) {
                Map<Object, Object> shorter = new LinkedHashMap<>(fields);
                shorter.put("message", excerpt(message(error)));
                cut.add(shorter);
            } else {
                cut.add(error);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>(response);
        out.put("errors", cut);
        return out;
    }

    /** {@code text} as it is when short enough, else its beginning and end with the number of characters cut. */
    public static String excerpt(String text) {
        if (text.length() <= MAX_CHARACTERS) {
            return text;
        }
        int cut = text.length() - 2 * KEPT_EACH_SIDE;
        return text.substring(0, KEPT_EACH_SIDE) + " … (" + cut + " characters cut) … "
                + text.substring(text.length() - KEPT_EACH_SIDE);
    }

    private static String message(Object error) {
        return error instanceof Map<?, ?> fields && fields.get("message") instanceof String message ? message : "";
    }
}
