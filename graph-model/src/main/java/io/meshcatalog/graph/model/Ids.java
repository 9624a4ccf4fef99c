package io.meshcatalog.graph.model;

import java.util.regex.Pattern;

/** The one grammar of catalog names, shared by every typed id so they cannot drift apart. */
final class Ids {

    /** A name segment: lower-case ASCII letters, digits and underscores, starting with a letter. */
    static final String SEGMENT = "[a-z][a-z0-9_]*";

    static final Pattern SEGMENT_PATTERN = Pattern.compile(SEGMENT);

    private Ids() {
    }

    static String require(String kind, String value, Pattern pattern, String shape) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "invalid " + kind + " '" + value + "': expected " + shape
                            + " (lower-case letters, digits and _, each part starting with a letter)");
        }
        return value;
    }
}
