package io.meshcatalog.graph.access;

import io.meshcatalog.graph.model.Classification;
import io.meshcatalog.graph.model.Field;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The one rule for a field's example values: a field classified {@link Classification#PII} shows them only to a
 * viewer holding scope {@value #PII_SCOPE}, one classified {@link Classification#RESTRICTED} only with
 * {@value #RESTRICTED_SCOPE}; any other field shows them to whoever sees the field. The field's other metadata
 * follows its product's visibility. The catalog, its Neo4j store and every domain subgraph ask here.
 */
public final class ExampleAccess {

    /** The scope that shows example values of personal data. */
    public static final String PII_SCOPE = "pii:read";

    /** The scope that shows example values of restricted fields. */
    public static final String RESTRICTED_SCOPE = "restricted:read";

    private ExampleAccess() {}

    /** The scope a field's examples need, or null when seeing the field is enough. */
    public static @Nullable String scopeFor(@Nullable Classification classification) {
        if (classification == null) {
            return null;
        }
        return switch (classification) {
            case PII -> PII_SCOPE;
            case RESTRICTED -> RESTRICTED_SCOPE;
            case PUBLIC, INTERNAL, CONFIDENTIAL -> null;
        };
    }

    /** {@link #examples(Classification, List, Viewer)} for a classification stored by name (null when none). */
    public static Examples examples(@Nullable String classification, List<String> declared, Viewer viewer) {
        return examples(
                classification == null || classification.isEmpty() ? null : Classification.valueOf(classification),
                declared,
                viewer);
    }

    /** What {@code viewer} gets of each field's example values, as a descriptor writer asks for them. */
    public static Function<Field, List<String>> shownTo(Viewer viewer) {
        return field ->
                examples(field.classification(), field.examples(), viewer).values();
    }

    /** What {@code viewer} gets of a field's {@code declared} example values. */
    public static Examples examples(@Nullable Classification classification, List<String> declared, Viewer viewer) {
        String scope = scopeFor(classification);
        if (scope == null || viewer.scopes().contains(scope)) {
            return new Examples(declared, false);
        }
        // withheld whether or not the field declares any: that it has none is not for this viewer to know either
        return new Examples(List.of(), true);
    }

    /**
     * A field's example values as one viewer sees them.
     *
     * @param values the examples it may see; empty when withheld
     * @param withheld true when this viewer may not see the field's examples (whether or not it declares any)
     */
    public record Examples(List<String> values, boolean withheld) {

        public Examples {
            values = List.copyOf(values);
        }
    }
}
