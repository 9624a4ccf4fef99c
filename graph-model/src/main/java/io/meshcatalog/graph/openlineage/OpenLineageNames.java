package io.meshcatalog.graph.openlineage;

import org.jspecify.annotations.Nullable;

/**
 * The one rule for the names an OpenLineage dataset is known by, {@code <namespace>/<name>} and
 * {@code <namespace>/<name>.<field>}: what intake accepts is exactly what {@code dataset(id:)} and {@code field(ref:)}
 * serve back, so nothing is stored that cannot be asked for.
 */
public final class OpenLineageNames {

    /** The longest key, field included. */
    public static final int MAX_KEY_LENGTH = 1_000;

    private OpenLineageNames() {}

    /** Whether {@code id} is a dataset or field key a client may ask for. */
    public static boolean isKey(String id) {
        return id.indexOf('/') > 0 && id.length() <= MAX_KEY_LENGTH && controlCharacter(id) < 0;
    }

    /** Why {@code value} cannot be part of a name, or null when it can. */
    static @Nullable String refusal(String value) {
        int at = controlCharacter(value);
        return at < 0
                ? null
                : "contains the control character U+%04X at index %d; names must be printable"
                        .formatted((int) value.charAt(at), at);
    }

    private static int controlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
