package io.meshcatalog.graph.model;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The one grammar of catalog names, shared by every typed id, field name and consumer id so they
 * cannot drift apart.
 */
public final class Ids {

    /** A name segment: lower-case ASCII letters, digits and underscores, starting with a letter. */
    static final String SEGMENT = "[a-z][a-z0-9_]*";

    static final Pattern SEGMENT_PATTERN = Pattern.compile(SEGMENT);

    private Ids() {}

    /** Whether {@code value} is one name segment, such as a domain, dataset or field name. */
    public static boolean isSegment(String value) {
        return SEGMENT_PATTERN.matcher(value).matches();
    }

    /** Whether {@code value} is one or more segments joined by dots, such as a consumer id. */
    public static boolean isDotted(String value) {
        return Arrays.stream(value.split("\\.", -1)).allMatch(Ids::isSegment);
    }

    static String require(String kind, String value, Pattern pattern, String shape) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid " + kind + " '" + value + "': expected " + shape
                    + " (lower-case letters, digits and _, each part starting with a letter)");
        }
        return value;
    }
}
