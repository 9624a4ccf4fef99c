package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.access.ExampleAccess;
import io.meshcatalog.graph.model.Classification;
import io.meshcatalog.graph.model.ProductStatus;
import io.meshcatalog.graph.model.Visibility;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One difference between two revisions of a product, for example {@code FIELD_RETYPED
 * orders.orders.shipped_on date -> timestamp}. Whether it breaks what reads the product is decided here, from what
 * changed, and only here ({@link #breaking()}, {@link #why()}).
 */
public record SchemaChange(Kind kind, String subject, String before, String after) {

    public enum Kind {
        CREATED,
        RETIRED,
        STATUS_CHANGED,
        SUNSET_CHANGED,
        VISIBILITY_CHANGED,
        VERSION_CHANGED,
        OWNER_CHANGED,
        TAGS_CHANGED,
        SLA_CHANGED,
        SUPPORT_CHANGED,
        OUTPUT_PORT_CHANGED,
        CONSUMER_ADDED,
        CONSUMER_REMOVED,
        CONSUMER_CHANGED,
        INPUT_ADDED,
        INPUT_REMOVED,
        DATASET_ADDED,
        DATASET_REMOVED,
        FIELD_ADDED,
        FIELD_REMOVED,
        FIELD_RENAMED,
        FIELD_RETYPED,
        FIELD_PHYSICAL_TYPE_CHANGED,
        FIELD_REQUIRED_CHANGED,
        FIELD_RECLASSIFIED,
        DESCRIPTION_CHANGED,
        TEMPLATE_CHANGED
    }

    /** What a {@link Kind#FIELD_REQUIRED_CHANGED} says of a field. */
    public static final String REQUIRED = "required";

    public static final String OPTIONAL = "optional";

    /**
     * Whether it can break what reads the product: something it read is gone or renamed, or what it reads may now hold
     * values it did not (a wider type, nulls), it may lose sight of it (a classification whose examples need a scope
     * the old one did not, a narrower visibility), or the product is retired. The other way breaks nothing.
     */
    public boolean breaking() {
        return switch (kind) {
            case RETIRED, DATASET_REMOVED, FIELD_REMOVED, FIELD_RENAMED -> true;
            case FIELD_RETYPED -> !narrowed(before, after);
            case FIELD_REQUIRED_CHANGED -> REQUIRED.equals(before) && OPTIONAL.equals(after);
            case FIELD_RECLASSIFIED -> newlyScoped(before, after) != null;
            case VISIBILITY_CHANGED -> openness(after) < openness(before);
            case STATUS_CHANGED -> ProductStatus.RETIRED.name().equals(after);
            default -> false;
        };
    }

    /** Why it breaks or does not, in words for a change report; empty when there is nothing to say. */
    public String why() {
        return switch (kind) {
            case RETIRED -> "the product is retired: its readers lose it";
            case DATASET_REMOVED -> "the dataset is gone";
            case FIELD_REMOVED -> "the field is gone";
            case FIELD_RENAMED -> "readers ask for " + before + ", which is gone";
            case FIELD_RETYPED ->
                narrowed(before, after)
                        ? "narrowed: every " + after + " is a " + before
                        : widened(before, after)
                                ? "widened: readers of " + before + " may not read every " + after
                                : "incompatible: " + before + " and " + after + " hold different values";
            case FIELD_REQUIRED_CHANGED -> REQUIRED.equals(before) ? "it may now be null" : "it is now always set";
            case FIELD_RECLASSIFIED ->
                newlyScoped(before, after) != null
                        ? "its examples now need scope " + newlyScoped(before, after) + ": readers without it lose them"
                        : "who may see it is unchanged or wider";
            case VISIBILITY_CHANGED -> openness(after) < openness(before) ? "fewer callers may see it" : "";
            case FIELD_PHYSICAL_TYPE_CHANGED -> "its stored type changed: check what loads it";
            case STATUS_CHANGED ->
                ProductStatus.DEPRECATED.name().equals(after)
                        ? "deprecated: its readers should move off it"
                        : ProductStatus.RETIRED.name().equals(after)
                                ? "the product is retired: its readers lose it"
                                : "";
            default -> "";
        };
    }

    /** What the change does to its subject, in words that follow "which is", such as {@code renamed to x}. */
    public String describe() {
        return switch (kind) {
            case RETIRED -> "retired";
            case DATASET_REMOVED, FIELD_REMOVED -> "dropped";
            case FIELD_RENAMED -> "renamed to " + after;
            case FIELD_RETYPED -> "retyped from " + before + " to " + after + because();
            case FIELD_REQUIRED_CHANGED -> "made " + after + because();
            case FIELD_RECLASSIFIED ->
                "reclassified from " + (before.isEmpty() ? "none" : before) + " to "
                        + (after.isEmpty() ? "none" : after);
            case VISIBILITY_CHANGED -> "made " + after.toLowerCase(Locale.ROOT) + because();
            case STATUS_CHANGED -> "made " + after.toLowerCase(Locale.ROOT);
            default -> kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    private String because() {
        String why = why();
        return why.isEmpty() ? "" : " (" + why + ")";
    }

    /** The scope the new classification needs to see the field's examples that the old did not; null when none. */
    private static @Nullable String newlyScoped(String before, String after) {
        String needed = ExampleAccess.scopeFor(classification(after));
        return needed != null && !needed.equals(ExampleAccess.scopeFor(classification(before))) ? needed : null;
    }

    private static @Nullable Classification classification(String name) {
        return name.isEmpty() ? null : Classification.valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** What a breaking change is about: the product, dataset or field the catalog knows as {@code subject}. */
    NodeRef item() {
        return switch (kind) {
            case RETIRED,
                    STATUS_CHANGED,
                    VISIBILITY_CHANGED,
                    CREATED,
                    SUNSET_CHANGED,
                    VERSION_CHANGED,
                    OWNER_CHANGED,
                    SLA_CHANGED,
                    SUPPORT_CHANGED,
                    OUTPUT_PORT_CHANGED,
                    TEMPLATE_CHANGED -> NodeRef.product(subject);
            case DATASET_REMOVED, DATASET_ADDED, INPUT_ADDED, INPUT_REMOVED -> NodeRef.dataset(subject);
            case CONSUMER_ADDED, CONSUMER_REMOVED, CONSUMER_CHANGED -> new NodeRef(NodeKind.CONSUMER, subject);
            default -> NodeRef.field(subject);
        };
    }

    /** Every value of {@code after} is a value of {@code before}: readers of {@code before} read it. */
    static boolean narrowed(String before, String after) {
        return before.equals("number") && after.equals("integer");
    }

    /** Every value of {@code before} is a value of {@code after}, and not the other way round. */
    static boolean widened(String before, String after) {
        return narrowed(after, before)
                || (after.equals("string") && !before.equals("object") && !before.equals("array"))
                || (before.equals("date") && after.equals("timestamp"));
    }

    private static int openness(String visibility) {
        return switch (Visibility.valueOf(visibility)) {
            case PUBLIC -> 2;
            case INTERNAL -> 1;
            case PRIVATE -> 0;
        };
    }

    @Override
    public String toString() {
        return kind + " " + subject + (before.isEmpty() && after.isEmpty() ? "" : " " + before + " -> " + after);
    }
}
