package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.model.Classification;
import io.meshcatalog.graph.model.Consumer;
import io.meshcatalog.graph.model.DataProduct;
import io.meshcatalog.graph.model.Dataset;
import io.meshcatalog.graph.model.Field;
import io.meshcatalog.graph.model.FieldRef;
import io.meshcatalog.graph.model.SlaProperty;
import io.meshcatalog.graph.model.Team;
import io.meshcatalog.graph.model.TemplateRef;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The changes that turn one declaration of a product into another, named for what they are (a consumer added, the
 * owner or the SLA changed, a field renamed, retyped, made optional …), in a stable order. A field that disappears
 * while a new one in the same dataset names it among its {@code transformSourceObjects} (the lineage hint), or is the
 * only one added with the same type, classification and description, was renamed. Pure: both sides are descriptors.
 */
public final class ProductDiff {

    private ProductDiff() {}

    /** What changed from {@code before} to {@code after}; null {@code before} is CREATED, null {@code after} RETIRED. */
    public static List<SchemaChange> between(@Nullable DataProduct before, @Nullable DataProduct after) {
        if (before == null && after == null) {
            return List.of();
        }
        if (before == null) {
            return List.of(change(SchemaChange.Kind.CREATED, after.id().value(), "", after.version()));
        }
        String id = before.id().value();
        if (after == null) {
            return List.of(change(SchemaChange.Kind.RETIRED, id, before.status().name(), "RETIRED"));
        }
        List<SchemaChange> changes = new ArrayList<>();
        compare(
                changes,
                SchemaChange.Kind.STATUS_CHANGED,
                id,
                before.status().name(),
                after.status().name());
        compare(changes, SchemaChange.Kind.SUNSET_CHANGED, id, date(before.sunset()), date(after.sunset()));
        compare(
                changes,
                SchemaChange.Kind.VISIBILITY_CHANGED,
                id,
                before.visibility().name(),
                after.visibility().name());
        compare(changes, SchemaChange.Kind.VERSION_CHANGED, id, before.version(), after.version());
        compare(changes, SchemaChange.Kind.OWNER_CHANGED, id, team(before.team()), team(after.team()));
        compare(
                changes,
                SchemaChange.Kind.TEMPLATE_CHANGED,
                id,
                template(before.template()),
                template(after.template()));
        compare(
                changes,
                SchemaChange.Kind.TAGS_CHANGED,
                id,
                String.join(", ", before.tags()),
                String.join(", ", after.tags()));
        if (!before.description().equals(after.description()) || !before.name().equals(after.name())) {
            changes.add(change(SchemaChange.Kind.DESCRIPTION_CHANGED, id, "", ""));
        }
        keyed(
                changes,
                SchemaChange.Kind.SLA_CHANGED,
                id,
                before.sla(),
                after.sla(),
                ProductDiff::slaKey,
                ProductDiff::sla);
        if (!before.support().equals(after.support())) {
            changes.add(change(SchemaChange.Kind.SUPPORT_CHANGED, id, "", ""));
        }
        keyed(
                changes,
                SchemaChange.Kind.OUTPUT_PORT_CHANGED,
                id,
                before.outputPorts(),
                after.outputPorts(),
                port -> port.name(),
                port -> port.type() + " " + port.version() + " " + port.description()
                        + (port.contractId() == null ? "" : " " + port.contractId()));
        consumers(changes, before.consumers(), after.consumers());
        Set<String> inputsBefore =
                ids(before.inputPorts(), port -> port.contractId().value());
        Set<String> inputsAfter =
                ids(after.inputPorts(), port -> port.contractId().value());
        minus(inputsAfter, inputsBefore).forEach(in -> changes.add(change(SchemaChange.Kind.INPUT_ADDED, in, "", "")));
        minus(inputsBefore, inputsAfter)
                .forEach(in -> changes.add(change(SchemaChange.Kind.INPUT_REMOVED, in, "", "")));
        Map<String, Dataset> datasetsBefore = byId(before.datasets());
        Map<String, Dataset> datasetsAfter = byId(after.datasets());
        datasetsAfter.forEach((datasetId, dataset) -> {
            Dataset old = datasetsBefore.get(datasetId);
            if (old == null) {
                changes.add(change(SchemaChange.Kind.DATASET_ADDED, datasetId, "", ""));
            } else {
                dataset(changes, old, dataset);
            }
        });
        datasetsBefore.keySet().stream()
                .filter(d -> !datasetsAfter.containsKey(d))
                .forEach(d -> changes.add(change(SchemaChange.Kind.DATASET_REMOVED, d, "", "")));
        return List.copyOf(changes);
    }

    private static void dataset(List<SchemaChange> changes, Dataset before, Dataset after) {
        String id = after.id().value();
        if (!before.description().equals(after.description())
                || !before.physicalName().equals(after.physicalName())
                || !before.physicalType().equals(after.physicalType())
                || !before.businessName().equals(after.businessName())) {
            changes.add(change(SchemaChange.Kind.DESCRIPTION_CHANGED, id, "", ""));
        }
        compare(
                changes,
                SchemaChange.Kind.TAGS_CHANGED,
                id,
                String.join(", ", before.tags()),
                String.join(", ", after.tags()));
        Map<String, Field> old = fields(before);
        Map<String, Field> now = fields(after);
        List<Field> added =
                now.values().stream().filter(f -> !old.containsKey(f.name())).toList();
        List<Field> removed =
                old.values().stream().filter(f -> !now.containsKey(f.name())).toList();
        Map<String, Field> renamedTo = renames(after, added, removed);
        for (Field field : after.fields()) {
            Field was = old.get(field.name());
            if (was != null) {
                field(changes, after.ref(field).value(), was, field);
            } else if (!renamedTo.containsValue(field)) {
                changes.add(
                        change(SchemaChange.Kind.FIELD_ADDED, after.ref(field).value(), "", field.logicalType()));
            }
        }
        for (Field field : removed) {
            String ref = before.ref(field).value();
            Field successor = renamedTo.get(field.name());
            if (successor == null) {
                changes.add(change(SchemaChange.Kind.FIELD_REMOVED, ref, field.logicalType(), ""));
            } else {
                changes.add(change(SchemaChange.Kind.FIELD_RENAMED, ref, field.name(), successor.name()));
                // the rest of what changed, on the field as the catalog knows it; the lineage hint is the rename
                List<FieldRef> sources = successor.transformSourceObjects().stream()
                        .filter(source -> !source.equals(before.ref(field)))
                        .toList();
                field(
                        changes,
                        ref,
                        field,
                        new Field(
                                successor.name(),
                                successor.logicalType(),
                                successor.description(),
                                successor.classification(),
                                successor.criticalDataElement(),
                                successor.required(),
                                successor.primaryKey(),
                                successor.tags(),
                                sources,
                                successor.transformDescription(),
                                successor.examples(),
                                successor.physicalType(),
                                successor.businessName()));
            }
        }
    }

    /** Each removed field's successor, by the lineage hint first, then by an unambiguous likeness. */
    private static Map<String, Field> renames(Dataset after, List<Field> added, List<Field> removed) {
        Map<String, Field> renamedTo = new LinkedHashMap<>();
        for (Field gone : removed) {
            FieldRef ref = after.id().field(gone.name());
            added.stream()
                    .filter(f -> f.transformSourceObjects().contains(ref))
                    .findFirst()
                    .filter(f -> !renamedTo.containsValue(f))
                    .ifPresent(f -> renamedTo.put(gone.name(), f));
        }
        for (Field gone : removed) {
            if (renamedTo.containsKey(gone.name()) || gone.description().isBlank()) {
                continue;
            }
            List<Field> alike = added.stream()
                    .filter(f -> !renamedTo.containsValue(f) && alike(gone, f))
                    .toList();
            long rivals = removed.stream()
                    .filter(r -> !renamedTo.containsKey(r.name()))
                    .filter(r -> alike.stream().anyMatch(f -> alike(r, f)))
                    .count();
            if (alike.size() == 1 && rivals == 1) {
                renamedTo.put(gone.name(), alike.get(0));
            }
        }
        return renamedTo;
    }

    private static boolean alike(Field a, Field b) {
        return a.logicalType().equals(b.logicalType())
                && Objects.equals(a.classification(), b.classification())
                && a.description().equals(b.description());
    }

    private static void field(List<SchemaChange> changes, String ref, Field before, Field after) {
        compare(changes, SchemaChange.Kind.FIELD_RETYPED, ref, before.logicalType(), after.logicalType());
        compare(
                changes,
                SchemaChange.Kind.FIELD_PHYSICAL_TYPE_CHANGED,
                ref,
                before.physicalType(),
                after.physicalType());
        compare(changes, SchemaChange.Kind.FIELD_REQUIRED_CHANGED, ref, required(before), required(after));
        compare(
                changes,
                SchemaChange.Kind.FIELD_RECLASSIFIED,
                ref,
                classification(before.classification()),
                classification(after.classification()));
        compare(
                changes,
                SchemaChange.Kind.TAGS_CHANGED,
                ref,
                String.join(", ", before.tags()),
                String.join(", ", after.tags()));
        if (!before.description().equals(after.description())
                || !before.examples().equals(after.examples())
                || before.criticalDataElement() != after.criticalDataElement()
                || before.primaryKey() != after.primaryKey()
                || !before.transformSourceObjects().equals(after.transformSourceObjects())
                || !before.transformDescription().equals(after.transformDescription())
                || !before.businessName().equals(after.businessName())) {
            changes.add(change(SchemaChange.Kind.DESCRIPTION_CHANGED, ref, "", ""));
        }
    }

    private static void consumers(List<SchemaChange> changes, List<Consumer> before, List<Consumer> after) {
        Map<String, Consumer> old = new LinkedHashMap<>();
        before.forEach(c -> old.put(c.id(), c));
        Set<String> now = new TreeSet<>();
        for (Consumer consumer : after) {
            now.add(consumer.id());
            Consumer was = old.get(consumer.id());
            if (was == null) {
                changes.add(change(
                        SchemaChange.Kind.CONSUMER_ADDED,
                        consumer.id(),
                        "",
                        consumer.kind().name()));
            } else if (!was.equals(consumer)) {
                changes.add(change(SchemaChange.Kind.CONSUMER_CHANGED, consumer.id(), "", ""));
            }
        }
        old.keySet().stream()
                .filter(id -> !now.contains(id))
                .forEach(id -> changes.add(change(SchemaChange.Kind.CONSUMER_REMOVED, id, "", "")));
    }

    private static <T> void keyed(
            List<SchemaChange> changes,
            SchemaChange.Kind kind,
            String subject,
            List<T> before,
            List<T> after,
            Function<T, String> key,
            Function<T, String> value) {
        Map<String, String> old = new LinkedHashMap<>();
        before.forEach(item -> old.put(key.apply(item), value.apply(item)));
        Map<String, String> now = new LinkedHashMap<>();
        after.forEach(item -> now.put(key.apply(item), value.apply(item)));
        Set<String> keys = new TreeSet<>(old.keySet());
        keys.addAll(now.keySet());
        for (String k : keys) {
            compare(
                    changes,
                    kind,
                    subject,
                    Optional.ofNullable(old.get(k)).orElse(""),
                    Optional.ofNullable(now.get(k)).orElse(""));
        }
    }

    private static String slaKey(SlaProperty sla) {
        return sla.property() + (sla.element().isEmpty() ? "" : " of " + sla.element());
    }

    private static String sla(SlaProperty sla) {
        return (slaKey(sla) + " " + sla.value() + " " + sla.unit()).trim();
    }

    private static void compare(
            List<SchemaChange> changes, SchemaChange.Kind kind, String subject, String before, String after) {
        if (!before.equals(after)) {
            changes.add(change(kind, subject, before, after));
        }
    }

    private static SchemaChange change(SchemaChange.Kind kind, String subject, String before, String after) {
        return new SchemaChange(kind, subject, before, after);
    }

    private static String required(Field field) {
        return field.required() ? SchemaChange.REQUIRED : SchemaChange.OPTIONAL;
    }

    private static String classification(@Nullable Classification classification) {
        return classification == null ? "" : classification.name();
    }

    private static String team(@Nullable Team team) {
        return team == null ? "(the domain's team)" : team.name();
    }

    /** A template named by its coordinates and a digest of the values (which may be long): enough to tell a change. */
    private static String template(@Nullable TemplateRef template) {
        return template == null
                ? ""
                : template.coordinates() + " values "
                        + Integer.toHexString(template.values().toString().hashCode());
    }

    private static String date(@Nullable LocalDate date) {
        return date == null ? "" : date.toString();
    }

    private static Map<String, Dataset> byId(List<Dataset> datasets) {
        Map<String, Dataset> out = new LinkedHashMap<>();
        datasets.forEach(d -> out.put(d.id().value(), d));
        return out;
    }

    private static Map<String, Field> fields(Dataset dataset) {
        return dataset.fields().stream()
                .collect(Collectors.toMap(Field::name, f -> f, (a, b) -> a, LinkedHashMap::new));
    }

    private static <T> Set<String> ids(List<T> items, Function<T, String> id) {
        return items.stream().map(id).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }
}
