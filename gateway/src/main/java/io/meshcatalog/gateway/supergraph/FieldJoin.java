package io.meshcatalog.gateway.supergraph;

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
 */
public record FieldJoin(@Nullable String graph, @Nullable FieldSet requires, @Nullable FieldSet provides,
    @Nullable String type, boolean external, @Nullable String override, boolean usedOverridden,
    @Nullable String overrideLabel) {

  /** The one progressive-override label the gateway treats as active without label configuration. */
  public static final String FULL_ROLLOUT = "percent(100)";

  /**
   * Whether the subgraph named here can resolve the field by itself. A progressive override takes
   * effect only at full roll-out; until then the old owner keeps serving the field, so every request
   * (and every cached plan) sees the same owner.
   */
  public boolean resolvable() {
    if (external || usedOverridden) {
      return false;
    }
    if (overrideLabel == null) {
      return true;
    }
    boolean active = FULL_ROLLOUT.equals(overrideLabel.replace(" ", ""));
    return override != null ? active : !active;
  }
}
