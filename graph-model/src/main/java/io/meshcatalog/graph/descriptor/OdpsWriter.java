package io.meshcatalog.graph.descriptor;

import io.meshcatalog.graph.model.DataProduct;
import io.meshcatalog.graph.model.Domain;
import io.meshcatalog.graph.model.InputPort;
import io.meshcatalog.graph.model.OutputPort;
import io.meshcatalog.graph.model.Team;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A product as an ODPS v1.0 document ({@code apiVersion: v1.0.0}, {@code kind: DataProduct}), valid against the
 * standard's published JSON Schema. Its datasets are ODCS contracts of their own ({@link OdcsWriter}), each naming the
 * product in {@code dataProduct}; output ports that serve one name it in {@code contractId}. What ODPS has no key for
 * (who may see the product, its sunset, its team's name, its consumers, its template) goes into {@code customProperties}.
 */
public final class OdpsWriter {

    /** The ODPS version written. */
    public static final String API_VERSION = "v1.0.0";

    /** The product's document, in the ODPS standard's YAML. */
    public String write(Domain domain, DataProduct product) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("apiVersion", API_VERSION);
        out.put("kind", "DataProduct");
        out.put("id", product.id().value());
        out.put("name", product.name());
        DescriptorWriter.putText(out, "version", product.version(), "");
        out.put("status", DescriptorWriter.lower(product.status()));
        out.put("domain", domain.id().value());
        DescriptorWriter.putStrings(out, "tags", product.tags());
        DescriptorWriter.putDescription(out, product.description());
        DescriptorWriter.putList(out, "inputPorts", product.inputPorts(), OdpsWriter::inputPort);
        DescriptorWriter.putList(out, "outputPorts", product.outputPorts(), OdpsWriter::outputPort);
        DescriptorWriter.putList(out, "support", product.support(), support -> {
            Map<String, Object> channel = DescriptorWriter.support(support);
            channel.putIfAbsent("url", "");
            return channel;
        });
        Team team = product.owner(domain);
        DescriptorWriter.putList(out, "team", team.members(), DescriptorWriter::member);
        out.put("customProperties", customProperties(domain, product, team));
        return YamlText.dump(out);
    }

    private static List<Map<String, Object>> customProperties(Domain domain, DataProduct product, Team team) {
        List<Map<String, Object>> properties = new ArrayList<>();
        properties.add(property(
                "visibility",
                DescriptorWriter.lower(product.visibility()),
                "Who may see the product: public, internal (authenticated callers) or private."));
        properties.add(property("teamName", team.name(), "The team answerable for the product."));
        if (!team.description().isEmpty()) {
            properties.add(property("teamDescription", team.description(), "What the team does."));
        }
        properties.add(property(
                "teamInherited",
                product.team() == null,
                "True when the product names no team of its own and its domain's team answers for it."));
        if (product.sunset() != null) {
            properties.add(
                    property("sunsetDate", product.sunset().toString(), "The day the deprecated product goes away."));
        }
        if (!product.consumers().isEmpty()) {
            properties.add(property(
                    "consumers",
                    product.consumers().stream().map(DescriptorWriter::consumer).toList(),
                    "What reads the product: dashboards, models, reports, destinations outside the mesh."));
        }
        if (!product.sla().isEmpty()) {
            properties.add(property(
                    "slaProperties",
                    product.sla().stream().map(DescriptorWriter::sla).toList(),
                    "The product's service levels; each dataset's contract holds those that apply to it."));
        }
        if (product.template() != null) {
            properties.add(property(
                    "template",
                    DescriptorWriter.template(product.template()),
                    "The template the product was made from (id, version) and the values it was given."));
        }
        Map<String, Object> about = new LinkedHashMap<>();
        DescriptorWriter.putText(about, "name", domain.name(), domain.id().value());
        DescriptorWriter.putText(about, "description", domain.description(), "");
        about.put("team", DescriptorWriter.team(domain.team()));
        DescriptorWriter.putList(about, "support", domain.support(), DescriptorWriter::support);
        properties.add(property("domain", about, "The domain the product belongs to, and the team that owns it."));
        return properties;
    }

    private static Map<String, Object> property(String name, Object value, String description) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("property", name);
        out.put("value", value);
        out.put("description", description);
        return out;
    }

    private static Map<String, Object> inputPort(InputPort port) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", port.name());
        out.put("version", port.version());
        out.put("contractId", port.contractId().value());
        return out;
    }

    private static Map<String, Object> outputPort(OutputPort port) {
        Map<String, Object> out = DescriptorWriter.outputPort(port);
        out.putIfAbsent("version", "");
        return out;
    }
}
