package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.model.FieldRef;
import io.meshcatalog.graph.model.Ids;
import org.jspecify.annotations.Nullable;

/** A proposed change: drop a field, rename it to {@code newName}, or change its type to {@code newType}. */
public record FieldChange(
        FieldRef field,
        ChangeKind kind,
        @Nullable String newName,
        @Nullable String newType) {

    public FieldChange {
        if (kind == ChangeKind.RENAME && (newName == null || !Ids.isSegment(newName))) {
            throw new IllegalArgumentException("renaming " + field + " needs a newName of lower-case letters, digits"
                    + " and _, starting with a letter; got " + (newName == null ? "none" : "'" + newName + "'"));
        }
        if (kind == ChangeKind.RETYPE && (newType == null || newType.isBlank())) {
            throw new IllegalArgumentException("retyping " + field + " needs a newType");
        }
    }

    public static FieldChange drop(String field) {
        return new FieldChange(new FieldRef(field), ChangeKind.DROP, null, null);
    }

    public static FieldChange rename(String field, String newName) {
        return new FieldChange(new FieldRef(field), ChangeKind.RENAME, newName, null);
    }

    public static FieldChange retype(String field, String newType) {
        return new FieldChange(new FieldRef(field), ChangeKind.RETYPE, null, newType);
    }

    /** What the change does, in words, for example {@code renamed to shipped_date}. */
    public String describe() {
        return switch (kind) {
            case DROP -> "dropped";
            case RENAME -> "renamed to " + newName;
            case RETYPE -> "retyped to " + newType;
        };
    }
}
