package io.meshcatalog.gateway.supergraph;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One {@code @join__field} application: how a field exists in one subgraph.
 *
 * @param graph the subgraph name, or null for an application without {@code graph:}
 * @param requires fields of the parent the subgraph needs in the representation
 * @param provides fields of the returned type the subgraph resolves locally on this path
 * @param type the field's type in that subgraph when it differs from the supergraph's
 * @param external whether the subgraph only references the field and cannot resolve it
 * @param override the subgraph whose field this one took over
 * @param usedOverridden whether the overridden field is still used there (for keys or requires)
 * @param overrideLabel the progressive-override label (join v0.4+), on both the new and the old owner
 * @param contextArguments arguments the subgraph reads from an ancestor's context (join v0.5+), in the
 *     order of {@code contextArguments}
 */
public record FieldJoin(
        @Nullable String graph,
        @Nullable FieldSet requires,
        @Nullable FieldSet provides,
        @Nullable String type,
        boolean external,
        @Nullable String override,
        boolean usedOverridden,
        @Nullable String overrideLabel,
        List<ContextArgument> contextArguments) {

    public FieldJoin {
        contextArguments = List.copyOf(contextArguments);
    }

    /**
     * Whether the subgraph named here can resolve the field by itself, with the progressive-override labels
     * {@code enabled} for this request: a labelled override takes effect only when its label is enabled, and
     * until then the old owner keeps the field.
     */
    public boolean resolvable(Set<String> enabled) {
        if (external || usedOverridden) {
            return false;
        }
        if (overrideLabel == null) {
            return true;
        }
        boolean active = OverrideLabel.parse(overrideLabel).isEnabledIn(enabled);
        return override != null ? active : !active;
    }
}
