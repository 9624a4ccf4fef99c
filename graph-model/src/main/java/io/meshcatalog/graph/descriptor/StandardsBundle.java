package io.meshcatalog.graph.descriptor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a domain published in the open standards, one YAML stream of documents: ODPS v1.0 products ({@code kind:
 * DataProduct}) and ODCS v3.1 data contracts ({@code kind: DataContract}), each contract naming its product in
 * {@code dataProduct} (a product without an ODPS document is made from its contracts). They become the
 * {@code meshcatalog/v1} tree {@link DescriptorLoader} reads, built from the documents' own nodes, so every problem
 * points at the line of the document it is in. What the catalog keeps that the standards have no key for comes from
 * {@code customProperties} ({@link OdpsWriter} writes them); keys the standards define that the catalog does not store
 * are refused by name, never dropped.
 */
final class StandardsBundle {

    private static final Set<String> ODPS_KEYS = Set.of(
            "apiVersion",
            "kind",
            "id",
            "name",
            "version",
            "status",
            "domain",
            "tags",
            "description",
            "inputPorts",
            "outputPorts",
            "support",
            "team",
            "customProperties");
    private static final Set<String> ODPS_NOT_STORED =
            Set.of("tenant", "authoritativeDefinitions", "managementPorts", "productCreatedTs");
    private static final Set<String> ODCS_KEYS = Set.of(
            "apiVersion",
            "kind",
            "id",
            "name",
            "version",
            "status",
            "domain",
            "dataProduct",
            "description",
            "tags",
            "schema",
            "team",
            "support",
            "slaProperties",
            "customProperties");
    private static final Set<String> ODCS_NOT_STORED = Set.of(
            "tenant",
            "servers",
            "price",
            "roles",
            "slaDefaultElement",
            "authoritativeDefinitions",
            "contractCreatedTs");
    private static final Set<String> CUSTOM = Set.of(
            "visibility",
            "sunsetDate",
            "teamName",
            "teamDescription",
            "template",
            "teamInherited",
            "consumers",
            "slaProperties",
            "domain");

    private final Problems problems;
    private final Mark start;

    private StandardsBundle(Problems problems, Mark start) {
        this.problems = problems;
        this.start = start;
    }

    /** Whether a document is one of the standards': ODPS or ODCS. */
    static boolean isStandard(Node document) {
        return kind(document) != null;
    }

    /** The {@code meshcatalog/v1} tree of the documents, problems recorded; null when there is no domain to read. */
    static @Nullable Node translate(List<Node> documents, Problems problems) {
        return new StandardsBundle(problems, documents.get(0).getStartMark()).translate(documents);
    }

    private @Nullable Node translate(List<Node> documents) {
        Map<String, Document> products = new LinkedHashMap<>();
        Map<String, List<Document>> contracts = new LinkedHashMap<>();
        String domain = null;
        Node domainNode = null;
        for (int i = 0; i < documents.size(); i++) {
            Node node = documents.get(i);
            String kind = kind(node);
            String path = "document " + (i + 1);
            if (kind == null) {
                problems.add(
                        node,
                        path,
                        "expected an ODPS v1.0 product (apiVersion: v1.0.0, kind: DataProduct) or an "
                                + "ODCS v3.1 contract (apiVersion: v3.1.0, kind: DataContract)");
                continue;
            }
            YamlObject object = new YamlObject(node, path, problems);
            Document document = new Document(path, node.getStartMark(), entries(node));
            boolean product = kind.equals("DataProduct");
            object.allowOnly(product ? ODPS_KEYS : ODCS_KEYS, product ? ODPS_NOT_STORED : ODCS_NOT_STORED);
            String named = object.requiredString("domain");
            if (named != null) {
                if (domain == null) {
                    domain = named;
                    domainNode = document.value("domain");
                } else if (!domain.equals(named)) {
                    problems.add(
                            object.nodeOf("domain"),
                            object.child("domain"),
                            "every document of one descriptor " + "is of one domain; this one is of '" + named
                                    + "', the first of '" + domain + "'");
                }
            }
            checkCustom(document);
            if (product) {
                String id = object.requiredString("id");
                if (id != null && products.containsKey(id)) {
                    problems.add(
                            object.nodeOf("id"),
                            object.child("id"),
                            "a second ODPS document of product '" + id + "'; " + products.get(id).path
                                    + " is the first");
                } else if (id != null) {
                    products.put(id, document);
                }
            } else {
                String of = object.requiredString("dataProduct");
                if (of != null) {
                    contracts.computeIfAbsent(of, k -> new ArrayList<>()).add(document);
                }
            }
        }
        if (domain == null) {
            return null;
        }
        List<Node> items = new ArrayList<>();
        products.forEach((id, document) -> items.add(fromOdps(document, contracts.getOrDefault(id, List.of()))));
        contracts.forEach((id, of) -> {
            if (!products.containsKey(id)) {
                items.add(fromOdcs(of));
            }
        });
        Map<String, Node> root = new LinkedHashMap<>();
        root.put("apiVersion", scalar(DescriptorLoader.API_VERSION));
        root.put("kind", scalar("Domain"));
        root.put("domain", domain(domainNode, products, contracts));
        root.put("products", new SequenceNode(Tag.SEQ, true, items, start, start, DumperOptions.FlowStyle.BLOCK));
        return mapping(root);
    }

    /** A product from its ODPS document, its datasets from the schema objects of its contracts. */
    private Node fromOdps(Document odps, List<Document> contracts) {
        Map<String, Node> product = new LinkedHashMap<>();
        for (String key : List.of("id", "name", "version", "status")) {
            odps.copy(key, product, key);
        }
        odps.copyCustom("sunsetDate", product, "sunsetDate");
        odps.copyCustom("visibility", product, "visibility");
        odps.copy("description", product, "description");
        odps.copy("tags", product, "tags");
        boolean inherited =
                odps.customIsTrue("teamInherited") || (odps.custom("teamName") == null && odps.value("team") == null);
        if (!inherited) {
            Map<String, Node> team = new LinkedHashMap<>();
            Node name = odps.custom("teamName");
            if (name == null) {
                problems.add(
                        Objects.requireNonNull(odps.value("team")),
                        odps.path + ".team",
                        "the catalog keys teams "
                                + "by name: name the team "
                                + "in customProperties (property: teamName), or set teamInherited: true for the domain's team");
            } else {
                team.put("name", name);
            }
            putIfPresent(team, "description", odps.custom("teamDescription"));
            putIfPresent(team, "members", odps.value("team"));
            product.put("team", mapping(team, odps.start));
        }
        odps.copy("support", product, "support");
        odps.copy("inputPorts", product, "inputPorts");
        odps.copy("outputPorts", product, "outputPorts");
        product.put("schema", schema(contracts));
        odps.copyCustom("consumers", product, "consumers");
        Node sla = odps.custom("slaProperties");
        product.put("slaProperties", sla != null ? sla : slaOf(contracts));
        odps.copyCustom("template", product, "template");
        return mapping(product, odps.start);
    }

    /** A product no ODPS document describes, from its contracts: the first names its status, version and team. */
    private Node fromOdcs(List<Document> contracts) {
        Document first = contracts.get(0);
        Map<String, Node> product = new LinkedHashMap<>();
        first.copy("dataProduct", product, "id");
        for (String key : List.of("version", "status")) {
            first.copy(key, product, key);
        }
        first.copyCustom("sunsetDate", product, "sunsetDate");
        first.copyCustom("visibility", product, "visibility");
        first.copy("description", product, "description");
        first.copy("tags", product, "tags");
        if (!first.customIsTrue("teamInherited")) {
            first.copy("team", product, "team");
        }
        first.copy("support", product, "support");
        product.put("schema", schema(contracts));
        first.copyCustom("consumers", product, "consumers");
        product.put("slaProperties", slaOf(contracts));
        first.copyCustom("template", product, "template");
        return mapping(product, first.start);
    }

    /** The domain: its description in the first product's customProperties, else its id and a product's team. */
    private Node domain(@Nullable Node id, Map<String, Document> products, Map<String, List<Document>> contracts) {
        Map<String, Node> domain = new LinkedHashMap<>();
        domain.put("id", id);
        Node described = products.values().stream()
                .map(p -> p.custom("domain"))
                .filter(d -> d != null)
                .findFirst()
                .orElse(null);
        if (described instanceof MappingNode mapping) {
            entries(mapping).forEach((key, tuple) -> domain.put(key, tuple.getValueNode()));
            domain.put("id", id);
            return mapping(domain);
        }
        Node team = contracts.values().stream()
                .flatMap(List::stream)
                .map(c -> c.value("team"))
                .filter(t -> t != null)
                .findFirst()
                .orElse(null);
        if (team == null) {
            problems.add(
                    id == null ? scalar("") : id,
                    "domain",
                    "the domain needs a team: describe it in a product's "
                            + "customProperties (property: domain, value: {name, description, team, support}) or give a "
                            + "contract a team");
        } else {
            domain.put("team", team);
        }
        return mapping(domain);
    }

    /** The schema objects of the contracts, without the {@code logicalType: object} every one of them has. */
    private Node schema(List<Document> contracts) {
        List<Node> objects = new ArrayList<>();
        for (Document contract : contracts) {
            if (contract.value("schema") instanceof SequenceNode sequence) {
                for (Node object : sequence.getValue()) {
                    objects.add(withoutObjectType(object, contract.path));
                }
            }
        }
        return new SequenceNode(Tag.SEQ, true, objects, start, start, DumperOptions.FlowStyle.BLOCK);
    }

    private Node withoutObjectType(Node object, String path) {
        if (!(object instanceof MappingNode mapping)) {
            return object;
        }
        List<NodeTuple> kept = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("logicalType")) {
                if (!(tuple.getValueNode() instanceof ScalarNode type)
                        || !type.getValue().equals("object")) {
                    problems.add(
                            tuple.getValueNode(),
                            path + ".schema.logicalType",
                            "a schema object's logicalType " + "is object");
                }
                continue;
            }
            kept.add(tuple);
        }
        return new MappingNode(
                Tag.MAP, true, kept, mapping.getStartMark(), mapping.getEndMark(), DumperOptions.FlowStyle.BLOCK);
    }

    /** The SLA properties of the contracts, each once, in the order they first appear. */
    private Node slaOf(List<Document> contracts) {
        List<Node> properties = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Document contract : contracts) {
            if (contract.value("slaProperties") instanceof SequenceNode sequence) {
                for (Node property : sequence.getValue()) {
                    String key = property instanceof MappingNode
                            ? entries(property).entrySet().stream()
                                    .map(e -> e.getKey() + "="
                                            + scalarOf(e.getValue().getValueNode()))
                                    .sorted()
                                    .toList()
                                    .toString()
                            : String.valueOf(property);
                    if (!seen.contains(key)) {
                        seen.add(key);
                        properties.add(property);
                    }
                }
            }
        }
        return new SequenceNode(Tag.SEQ, true, properties, start, start, DumperOptions.FlowStyle.BLOCK);
    }

    private void checkCustom(Document document) {
        if (!(document.value("customProperties") instanceof SequenceNode sequence)) {
            return;
        }
        for (int i = 0; i < sequence.getValue().size(); i++) {
            YamlObject property = new YamlObject(
                    sequence.getValue().get(i), document.path + ".customProperties[" + i + "]", problems);
            property.allowOnly(Set.of("property", "value", "description"));
            String name = property.requiredString("property");
            if (name != null && !CUSTOM.contains(name)) {
                problems.add(
                        property.nodeOf("property"),
                        property.child("property"),
                        "custom property '" + name
                                + "' is not one the catalog reads; it reads "
                                + String.join(", ", CUSTOM.stream().sorted().toList()));
            }
        }
    }

    private static @Nullable String kind(Node document) {
        if (!(document instanceof MappingNode mapping)) {
            return null;
        }
        Map<String, NodeTuple> entries = entries(mapping);
        String apiVersion = entries.containsKey("apiVersion")
                ? scalarOf(entries.get("apiVersion").getValueNode())
                : "";
        String kind = entries.containsKey("kind") ? scalarOf(entries.get("kind").getValueNode()) : "";
        if (kind.equals("DataProduct") && apiVersion.equals(OdpsWriter.API_VERSION)) {
            return kind;
        }
        return kind.equals("DataContract") && apiVersion.equals(OdcsWriter.API_VERSION) ? kind : null;
    }

    private static Map<String, NodeTuple> entries(Node node) {
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    out.putIfAbsent(key.getValue(), tuple);
                }
            }
        }
        return out;
    }

    private static String scalarOf(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : "";
    }

    private ScalarNode scalar(String value) {
        return new ScalarNode(Tag.STR, value, start, start, DumperOptions.ScalarStyle.PLAIN);
    }

    private MappingNode mapping(Map<String, @Nullable Node> entries) {
        return mapping(entries, start);
    }

    /** A mapping of {@code entries} that a problem of its own (a missing key) places at {@code at}. */
    private MappingNode mapping(Map<String, @Nullable Node> entries, Mark at) {
        List<NodeTuple> tuples = new ArrayList<>();
        entries.forEach((key, value) -> {
            if (value != null) {
                Mark keyAt = value.getStartMark() == null ? at : value.getStartMark();
                tuples.add(new NodeTuple(
                        new ScalarNode(Tag.STR, key, keyAt, keyAt, DumperOptions.ScalarStyle.PLAIN), value));
            }
        });
        return new MappingNode(Tag.MAP, true, tuples, at, at, DumperOptions.FlowStyle.BLOCK);
    }

    private static void putIfPresent(Map<String, Node> map, String key, @Nullable Node value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** One document, its keys and the values of its custom properties. */
    private static final class Document {

        final String path;
        final Mark start;
        final Map<String, NodeTuple> entries;
        final Map<String, Node> custom = new LinkedHashMap<>();

        Document(String path, Mark start, Map<String, NodeTuple> entries) {
            this.path = path;
            this.start = start;
            this.entries = entries;
            if (value("customProperties") instanceof SequenceNode sequence) {
                for (Node property : sequence.getValue()) {
                    Map<String, NodeTuple> pair = entries(property);
                    if (pair.containsKey("property") && pair.containsKey("value")) {
                        custom.putIfAbsent(
                                scalarOf(pair.get("property").getValueNode()),
                                pair.get("value").getValueNode());
                    }
                }
            }
        }

        @Nullable
        Node value(String key) {
            NodeTuple tuple = entries.get(key);
            return tuple == null ? null : tuple.getValueNode();
        }

        @Nullable
        Node custom(String name) {
            return custom.get(name);
        }

        boolean customIsTrue(String name) {
            return custom.get(name) instanceof ScalarNode scalar
                    && scalar.getValue().equals("true");
        }

        void copy(String key, Map<String, Node> into, String as) {
            putIfPresent(into, as, value(key));
        }

        void copyCustom(String name, Map<String, Node> into, String as) {
            putIfPresent(into, as, custom(name));
        }
    }
}
