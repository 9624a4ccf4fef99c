package io.meshcatalog.graph.model;

import java.util.regex.Pattern;

/**
 * What data is used for, as a short label such as {@code advertising-audiences}: a consumer declares one, an access
 * request names one, and the governance check compares them for equality, so it is a label and not prose.
 */
public record Purpose(String value) {

    /** The longest label accepted. */
    public static final int MAX_LENGTH = 64;

    private static final Pattern PATTERN = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public Purpose {
        if (value == null
                || value.length() > MAX_LENGTH
                || !PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid purpose '" + (value == null ? "" : abbreviated(value))
                    + "': expected a label of lower-case letters and digits in words joined by '-', such as "
                    + "advertising-audiences, at most " + MAX_LENGTH + " characters");
        }
    }

    private static String abbreviated(String value) {
        return value.length() <= MAX_LENGTH ? value : value.substring(0, MAX_LENGTH) + "…";
    }

    @Override
    public String toString() {
        return value;
    }
}
