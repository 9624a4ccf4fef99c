package io.meshcatalog.graph.descriptor;

import io.meshcatalog.graph.model.DataProduct;
import io.meshcatalog.graph.model.Dataset;
import io.meshcatalog.graph.model.Domain;
import io.meshcatalog.graph.model.Field;
import io.meshcatalog.graph.model.SlaProperty;
import io.meshcatalog.graph.model.Team;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A dataset as an ODCS v3.1 data contract ({@code apiVersion: v3.1.0}, {@code kind: DataContract}), valid against the
 * standard's published JSON Schema: its one schema object with every field as declared, the product it belongs to
 * ({@code dataProduct}), its team, support and the SLA properties that apply to it. What ODCS has no key for goes into
 * {@code customProperties}. Example values come through a filter, so a caller who may not see a field's examples gets
 * none.
 */
public final class OdcsWriter {

    /** The ODCS version written. */
    public static final String API_VERSION = "v3.1.0";

    /** The contract of {@code dataset}, one of {@code product}'s, with every declared example. */
    public String write(Domain domain, DataProduct product, Dataset dataset) {
        return write(domain, product, dataset, Field::examples);
    }

    /** The contract of {@code dataset}, with the examples {@code examples} lets through for each field. */
    public String write(Domain domain, DataProduct product, Dataset dataset, Function<Field, List<String>> examples) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("apiVersion", API_VERSION);
        out.put("kind", "DataContract");
        out.put("id", dataset.id().value());
        out.put("name", dataset.id().name());
        out.put("version", product.version());
        out.put("status", DescriptorWriter.lower(product.status()));
        out.put("domain", domain.id().value());
        out.put("dataProduct", product.id().value());
        DescriptorWriter.putDescription(out, product.description());
        out.put("schema", List.of(schema(dataset, examples)));
        Team team = product.owner(domain);
        out.put("team", DescriptorWriter.team(team));
        DescriptorWriter.putList(out, "support", product.support(), DescriptorWriter::support);
        DescriptorWriter.putList(
                out,
                "slaProperties",
                product.sla().stream().filter(sla -> appliesTo(sla, dataset)).toList(),
                DescriptorWriter::sla);
        List<Map<String, Object>> custom = new ArrayList<>();
        custom.add(property("visibility", DescriptorWriter.lower(product.visibility())));
        custom.add(property("teamInherited", product.team() == null));
        if (product.sunset() != null) {
            custom.add(property("sunsetDate", product.sunset().toString()));
        }
        if (product.template() != null) {
            custom.add(property("template", DescriptorWriter.template(product.template())));
        }
        out.put("customProperties", custom);
        return YamlText.dump(out);
    }

    private static Map<String, Object> schema(Dataset dataset, Function<Field, List<String>> examples) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", dataset.id().name());
        out.put("physicalName", dataset.physicalName());
        DescriptorWriter.putText(out, "physicalType", dataset.physicalType(), "");
        DescriptorWriter.putText(out, "businessName", dataset.businessName(), "");
        out.put("logicalType", "object");
        DescriptorWriter.putText(out, "description", dataset.description(), "");
        DescriptorWriter.putStrings(out, "tags", dataset.tags());
        out.put(
                "properties",
                dataset.fields().stream()
                        .map(field -> DescriptorWriter.field(field, examples.apply(field)))
                        .toList());
        return out;
    }

    /** A product-wide SLA property, or one whose element is the dataset or one of its fields. */
    private static boolean appliesTo(SlaProperty sla, Dataset dataset) {
        String element = sla.element();
        String name = dataset.id().name();
        return element.isEmpty()
                || element.equals(name)
                || element.startsWith(name + ".")
                || element.equals(dataset.id().value())
                || element.startsWith(dataset.id().value() + ".");
    }

    private static Map<String, Object> property(String name, Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("property", name);
        out.put("value", value);
        return out;
    }
}
