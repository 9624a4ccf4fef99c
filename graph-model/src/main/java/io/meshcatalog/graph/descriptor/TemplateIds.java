package io.meshcatalog.graph.descriptor;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How templates are named: an id such as {@code cdc-table} (lower case, digits and dashes) and a version
 * {@code major.minor.patch}, compared as numbers, so that {@code 1.10.0} comes after {@code 1.9.0}.
 */
public final class TemplateIds {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final Pattern VERSION =
            Pattern.compile("(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})");

    /** Versions in release order. */
    public static final Comparator<String> VERSION_ORDER = Comparator.comparingInt((String v) -> part(v, 1))
            .thenComparingInt(v -> part(v, 2))
            .thenComparingInt(v -> part(v, 3));

    private TemplateIds() {}

    /** {@code id} when it is a template id; otherwise an {@link IllegalArgumentException} saying what one is. */
    public static String id(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("'" + id + "' is not a template id: lower-case letters, digits and "
                    + "dashes, starting with a letter, at most 63 characters (such as cdc-table)");
        }
        return id;
    }

    /** {@code version} when it is {@code major.minor.patch}; otherwise an {@link IllegalArgumentException}. */
    public static String version(String version) {
        if (!VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException(
                    "'" + version + "' is not a template version: major.minor.patch, such " + "as 1.2.0");
        }
        return version;
    }

    private static int part(String version, int group) {
        Matcher matcher = VERSION.matcher(version(version));
        matcher.matches();
        return Integer.parseInt(matcher.group(group));
    }
}
