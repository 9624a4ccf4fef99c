package io.meshcatalog.graph.vocabulary;

import io.meshcatalog.graph.access.ExampleAccess;
import io.meshcatalog.graph.access.Viewer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The GraphQL {@code Field}, with its full ref and the refs it is derived from (field-level lineage). Its example
 * values depend on who asks: {@code examples} and {@code examplesWithheld} are resolved with {@link #examples(Viewer)},
 * never read off {@code declaredExamples}.
 */
public record CatalogField(
        String ref,
        String name,
        String logicalType,
        String description,
        @Nullable String classification,
        boolean criticalDataElement,
        boolean required,
        boolean primaryKey,
        List<String> tags,
        List<String> derivedFrom,
        String transformDescription,
        List<String> declaredExamples) {

    public CatalogField {
        tags = List.copyOf(tags);
        derivedFrom = List.copyOf(derivedFrom);
        declaredExamples = List.copyOf(declaredExamples);
    }

    /** The example values {@code viewer} may see (see {@link ExampleAccess}). */
    public ExampleAccess.Examples examples(Viewer viewer) {
        return ExampleAccess.examples(classification, declaredExamples, viewer);
    }
}
