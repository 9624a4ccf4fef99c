package io.meshcatalog.graph.descriptor;

import io.meshcatalog.graph.model.Consumer;
import io.meshcatalog.graph.model.DataProduct;
import io.meshcatalog.graph.model.Dataset;
import io.meshcatalog.graph.model.DatasetId;
import io.meshcatalog.graph.model.Description;
import io.meshcatalog.graph.model.Domain;
import io.meshcatalog.graph.model.DomainDescriptor;
import io.meshcatalog.graph.model.Field;
import io.meshcatalog.graph.model.FieldRef;
import io.meshcatalog.graph.model.InputPort;
import io.meshcatalog.graph.model.OutputPort;
import io.meshcatalog.graph.model.SlaProperty;
import io.meshcatalog.graph.model.SupportChannel;
import io.meshcatalog.graph.model.Team;
import io.meshcatalog.graph.model.TeamMember;
import io.meshcatalog.graph.model.TemplateRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link DomainDescriptor} back as {@code meshcatalog/v1} YAML that {@link DescriptorLoader} reads into an
 * equal descriptor: what a revision keeps of the product it came from, and what a template instantiates. Empty values
 * and defaults are left out, so the text reads like one a team would write.
 */
public final class DescriptorWriter {

    /** The whole descriptor. */
    public String write(DomainDescriptor descriptor) {
        return write(descriptor, Field::examples);
    }

    /** The whole descriptor, with the example values {@code examples} lets through for each field. */
    public String write(DomainDescriptor descriptor, Function<Field, List<String>> examples) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("apiVersion", DescriptorLoader.API_VERSION);
        root.put("kind", "Domain");
        root.put("domain", domain(descriptor.domain()));
        root.put(
                "products",
                descriptor.products().stream()
                        .map(product -> product(product, examples))
                        .toList());
        return YamlText.dump(root);
    }

    /** The descriptor of {@code domain} with {@code product} alone: one product's snapshot, readable on its own. */
    public String write(Domain domain, DataProduct product) {
        return write(new DomainDescriptor(domain, List.of(product)));
    }

    private static Map<String, Object> domain(Domain domain) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", domain.id().value());
        putText(out, "name", domain.name(), domain.id().value());
        putText(out, "description", domain.description(), "");
        out.put("team", team(domain.team()));
        putList(out, "support", domain.support(), DescriptorWriter::support);
        return out;
    }

    static Map<String, Object> team(Team team) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", team.name());
        putText(out, "description", team.description(), "");
        putList(out, "members", team.members(), DescriptorWriter::member);
        return out;
    }

    static Map<String, Object> member(TeamMember member) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("username", member.username());
        putText(out, "name", member.name(), member.username());
        putText(out, "role", member.role(), "member");
        return out;
    }

    static Map<String, Object> support(SupportChannel support) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("channel", support.channel());
        putText(out, "url", support.url(), "");
        putText(out, "tool", support.tool(), "");
        putText(out, "scope", support.scope(), "");
        return out;
    }

    private static Map<String, Object> product(DataProduct product, Function<Field, List<String>> examples) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", product.id().value());
        putText(out, "name", product.name(), product.id().value());
        putText(out, "version", product.version(), "");
        out.put("status", lower(product.status()));
        if (product.sunset() != null) {
            out.put("sunsetDate", product.sunset().toString());
        }
        out.put("visibility", lower(product.visibility()));
        putDescription(out, product.description());
        putStrings(out, "tags", product.tags());
        if (product.team() != null) {
            out.put("team", team(product.team()));
        }
        putList(out, "support", product.support(), DescriptorWriter::support);
        putList(out, "inputPorts", product.inputPorts(), DescriptorWriter::inputPort);
        putList(out, "outputPorts", product.outputPorts(), DescriptorWriter::outputPort);
        putList(out, "schema", product.datasets(), dataset -> dataset(dataset, examples));
        putList(out, "consumers", product.consumers(), DescriptorWriter::consumer);
        putList(out, "slaProperties", product.sla(), DescriptorWriter::sla);
        if (product.template() != null) {
            out.put("template", template(product.template()));
        }
        return out;
    }

    static Map<String, Object> template(TemplateRef template) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", template.id());
        out.put("version", template.version());
        if (!template.values().isEmpty()) {
            out.put("values", template.values());
        }
        return out;
    }

    static Map<String, Object> inputPort(InputPort port) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", port.name());
        out.put("contractId", port.contractId().value());
        putText(out, "version", port.version(), "");
        return out;
    }

    static Map<String, Object> outputPort(OutputPort port) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", port.name());
        putText(out, "description", port.description(), "");
        putText(out, "type", port.type(), "");
        putText(out, "version", port.version(), "");
        if (port.contractId() != null) {
            out.put("contractId", port.contractId().value());
        }
        return out;
    }

    private static Map<String, Object> dataset(Dataset dataset, Function<Field, List<String>> examples) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", dataset.id().name());
        putText(out, "physicalName", dataset.physicalName(), dataset.id().name());
        putText(out, "physicalType", dataset.physicalType(), "");
        putText(out, "businessName", dataset.businessName(), "");
        putText(out, "description", dataset.description(), "");
        putStrings(out, "tags", dataset.tags());
        out.put(
                "properties",
                dataset.fields().stream()
                        .map(field -> field(field, examples.apply(field)))
                        .toList());
        return out;
    }

    static Map<String, Object> field(Field field, List<String> examples) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", field.name());
        out.put("logicalType", field.logicalType());
        putText(out, "physicalType", field.physicalType(), "");
        putText(out, "businessName", field.businessName(), "");
        putText(out, "description", field.description(), "");
        if (field.classification() != null) {
            out.put("classification", lower(field.classification()));
        }
        putTrue(out, "criticalDataElement", field.criticalDataElement());
        putTrue(out, "required", field.required());
        putTrue(out, "primaryKey", field.primaryKey());
        putStrings(out, "tags", field.tags());
        putStrings(out, "examples", examples);
        putStrings(
                out,
                "transformSourceObjects",
                field.transformSourceObjects().stream().map(FieldRef::value).toList());
        putText(out, "transformDescription", field.transformDescription(), "");
        return out;
    }

    static Map<String, Object> consumer(Consumer consumer) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", consumer.id());
        putText(out, "name", consumer.name(), consumer.id());
        out.put("kind", lower(consumer.kind()));
        putText(out, "description", consumer.description(), "");
        putTrue(out, "external", consumer.external());
        putText(out, "destination", consumer.destination(), "");
        if (consumer.ownerTeam() != null) {
            out.put("owner", consumer.ownerTeam());
        }
        putStrings(
                out,
                "datasets",
                consumer.datasets().stream().map(DatasetId::name).toList());
        if (consumer.purpose() != null) {
            out.put("purpose", consumer.purpose().value());
        }
        return out;
    }

    static Map<String, Object> sla(SlaProperty sla) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("property", sla.property());
        out.put("value", sla.value());
        putText(out, "unit", sla.unit(), "");
        putText(out, "element", sla.element(), "");
        return out;
    }

    static void putText(Map<String, Object> out, String key, String value, String fallback) {
        if (!value.equals(fallback)) {
            out.put(key, value);
        }
    }

    /** ODPS's and ODCS's {@code description}: purpose, limitations and usage, those that say something. */
    static void putDescription(Map<String, Object> out, Description description) {
        Map<String, Object> parts = new LinkedHashMap<>();
        putText(parts, "purpose", description.purpose(), "");
        putText(parts, "limitations", description.limitations(), "");
        putText(parts, "usage", description.usage(), "");
        if (!parts.isEmpty()) {
            out.put("description", parts);
        }
    }

    static void putTrue(Map<String, Object> out, String key, boolean value) {
        if (value) {
            out.put(key, true);
        }
    }

    static void putStrings(Map<String, Object> out, String key, List<String> values) {
        if (!values.isEmpty()) {
            out.put(key, List.copyOf(values));
        }
    }

    static <T> void putList(
            Map<String, Object> out, String key, List<T> items, Function<T, @Nullable Map<String, Object>> each) {
        if (!items.isEmpty()) {
            out.put(key, items.stream().map(each).toList());
        }
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
