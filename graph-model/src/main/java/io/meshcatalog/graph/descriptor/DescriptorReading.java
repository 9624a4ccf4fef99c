package io.meshcatalog.graph.descriptor;

import io.meshcatalog.graph.model.Classification;
import io.meshcatalog.graph.model.Consumer;
import io.meshcatalog.graph.model.ConsumerKind;
import io.meshcatalog.graph.model.DataProduct;
import io.meshcatalog.graph.model.Dataset;
import io.meshcatalog.graph.model.DatasetId;
import io.meshcatalog.graph.model.Description;
import io.meshcatalog.graph.model.Domain;
import io.meshcatalog.graph.model.DomainDescriptor;
import io.meshcatalog.graph.model.DomainId;
import io.meshcatalog.graph.model.Field;
import io.meshcatalog.graph.model.FieldRef;
import io.meshcatalog.graph.model.Ids;
import io.meshcatalog.graph.model.InputPort;
import io.meshcatalog.graph.model.OutputPort;
import io.meshcatalog.graph.model.ProductId;
import io.meshcatalog.graph.model.ProductStatus;
import io.meshcatalog.graph.model.Purpose;
import io.meshcatalog.graph.model.SlaProperty;
import io.meshcatalog.graph.model.SupportChannel;
import io.meshcatalog.graph.model.Team;
import io.meshcatalog.graph.model.TeamMember;
import io.meshcatalog.graph.model.TemplateRef;
import io.meshcatalog.graph.model.Visibility;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * One pass over one descriptor's tree ({@code meshcatalog/v1}, or the tree {@link StandardsBundle} builds from ODPS
 * and ODCS documents): the model it declares, with every problem recorded at its line, or null where something is
 * missing. Keys a standard defines that the catalog does not store are refused by name.
 */
final class DescriptorReading {

    private static final Set<String> ROOT_KEYS = Set.of("apiVersion", "kind", "domain", "products");
    private static final Set<String> DOMAIN_KEYS = Set.of("id", "name", "description", "team", "support");
    private static final Set<String> TEAM_KEYS = Set.of("name", "description", "members");
    /** Keys ODPS v1.0 or ODCS v3.1 define that the catalog does not store: refused by name, never dropped. */
    private static final Set<String> TEAM_KEYS_NOT_STORED =
            Set.of("tags", "customProperties", "authoritativeDefinitions");

    private static final Set<String> MEMBER_KEYS = Set.of("username", "name", "role");
    private static final Set<String> MEMBER_KEYS_NOT_STORED = Set.of(
            "dateIn",
            "dateOut",
            "description",
            "replacedByUsername",
            "tags",
            "customProperties",
            "authoritativeDefinitions");
    private static final Set<String> SUPPORT_KEYS = Set.of("channel", "url", "tool", "scope");
    private static final Set<String> SUPPORT_KEYS_NOT_STORED =
            Set.of("description", "invitationUrl", "tags", "customProperties", "authoritativeDefinitions");
    private static final Set<String> PRODUCT_KEYS = Set.of(
            "id",
            "name",
            "version",
            "status",
            "sunsetDate",
            "description",
            "tags",
            "team",
            "support",
            "inputPorts",
            "outputPorts",
            "schema",
            "consumers",
            "slaProperties",
            "visibility",
            "template");
    private static final Set<String> TEMPLATE_REF_KEYS = Set.of("id", "version", "values");
    private static final Set<String> DESCRIPTION_KEYS = Set.of("purpose", "limitations", "usage");
    private static final Set<String> DESCRIPTION_KEYS_NOT_STORED =
            Set.of("authoritativeDefinitions", "customProperties");
    private static final Set<String> INPUT_PORT_KEYS = Set.of("name", "version", "contractId");
    private static final Set<String> INPUT_PORT_KEYS_NOT_STORED = Set.of("description");
    private static final Set<String> OUTPUT_PORT_KEYS = Set.of("name", "description", "type", "version", "contractId");
    private static final Set<String> OUTPUT_PORT_KEYS_NOT_STORED = Set.of("sbom", "inputContracts");
    private static final Set<String> SCHEMA_KEYS =
            Set.of("name", "physicalName", "physicalType", "businessName", "description", "tags", "properties");
    private static final Set<String> SCHEMA_KEYS_NOT_STORED = Set.of(
            "dataGranularityDescription", "relationships", "quality", "authoritativeDefinitions", "customProperties");
    private static final Set<String> PROPERTY_KEYS = Set.of(
            "name",
            "logicalType",
            "physicalType",
            "businessName",
            "description",
            "classification",
            "criticalDataElement",
            "required",
            "primaryKey",
            "tags",
            "examples",
            "transformSourceObjects",
            "transformLogic",
            "transformDescription");
    private static final Set<String> PROPERTY_KEYS_NOT_STORED = Set.of(
            "primaryKeyPosition",
            "logicalTypeOptions",
            "physicalName",
            "unique",
            "partitioned",
            "partitionKeyPosition",
            "encryptedName",
            "relationships",
            "quality",
            "authoritativeDefinitions",
            "customProperties",
            "items",
            "properties");
    private static final Set<String> CONSUMER_KEYS =
            Set.of("id", "name", "kind", "description", "external", "destination", "owner", "datasets", "purpose");
    private static final Set<String> SLA_KEYS = Set.of("property", "value", "unit", "element");
    private static final Set<String> SLA_KEYS_NOT_STORED =
            Set.of("driver", "valueExt", "description", "scheduler", "schedule");
    /** How many example values a field may declare, and how long each may be. */
    static final int MAX_EXAMPLES = 20;

    static final int MAX_EXAMPLE_LENGTH = 500;
    private static final Set<String> LOGICAL_TYPES =
            Set.of("string", "date", "timestamp", "time", "number", "integer", "object", "array", "boolean");

    private final Problems problems;

    DescriptorReading(Problems problems) {
        this.problems = problems;
    }

    @Nullable
    DomainDescriptor descriptor(YamlObject root) {
        root.allowOnly(ROOT_KEYS);
        String apiVersion = root.requiredString("apiVersion");
        if (apiVersion != null && !DescriptorLoader.API_VERSION.equals(apiVersion)) {
            problems.add(
                    root.nodeOf("apiVersion"),
                    "apiVersion",
                    "unsupported apiVersion '" + apiVersion + "'; expected " + DescriptorLoader.API_VERSION
                            + " (or ODPS " + OdpsWriter.API_VERSION + " products and ODCS " + OdcsWriter.API_VERSION
                            + " contracts)");
        }
        String kind = root.requiredString("kind");
        if (kind != null && !"Domain".equals(kind)) {
            problems.add(root.nodeOf("kind"), "kind", "unsupported kind '" + kind + "'; expected Domain");
        }
        Domain domain = root.requiredObject("domain").map(this::domain).orElse(null);
        List<DataProduct> products = new ArrayList<>();
        Set<String> productIds = new HashSet<>();
        Set<String> datasetIds = new HashSet<>();
        for (YamlObject item : root.objects("products")) {
            DataProduct product = product(item, domain == null ? null : domain.id());
            if (product == null) {
                continue;
            }
            if (!productIds.add(product.id().value())) {
                problems.add(item.nodeOf("id"), item.child("id"), "duplicate product id '" + product.id() + "'");
            }
            for (Dataset dataset : product.datasets()) {
                if (!datasetIds.add(dataset.id().value())) {
                    problems.add(
                            item.nodeOf("schema"),
                            item.child("schema"),
                            "dataset '" + dataset.id() + "' is published by more than one product");
                }
            }
            products.add(product);
        }
        if (domain == null) {
            return null;
        }
        return new DomainDescriptor(domain, products);
    }

    @Nullable
    Domain domain(YamlObject at) {
        at.allowOnly(DOMAIN_KEYS);
        Optional<DomainId> id = at.parsed("id", DomainId::new, true);
        String name = at.string("name", id.map(DomainId::value).orElse(""));
        Team team = at.requiredObject("team").map(this::team).orElse(null);
        List<SupportChannel> support =
                at.objects("support").stream().map(this::support).toList();
        if (id.isEmpty() || team == null) {
            return null;
        }
        return new Domain(id.get(), name, at.string("description", ""), team, support);
    }

    @Nullable
    Team team(YamlObject at) {
        at.allowOnly(TEAM_KEYS, TEAM_KEYS_NOT_STORED);
        String name = at.requiredString("name");
        List<TeamMember> members = new ArrayList<>();
        for (YamlObject member : at.objects("members")) {
            member.allowOnly(MEMBER_KEYS, MEMBER_KEYS_NOT_STORED);
            String username = member.requiredString("username");
            if (username != null) {
                members.add(new TeamMember(username, member.string("name", username), member.string("role", "member")));
            }
        }
        return name == null ? null : new Team(name, at.string("description", ""), members);
    }

    SupportChannel support(YamlObject at) {
        at.allowOnly(SUPPORT_KEYS, SUPPORT_KEYS_NOT_STORED);
        String channel = at.requiredString("channel");
        return new SupportChannel(
                channel == null ? "" : channel, at.string("url", ""), at.string("tool", ""), at.string("scope", ""));
    }

    @Nullable
    DataProduct product(YamlObject at, @Nullable DomainId domain) {
        at.allowOnly(PRODUCT_KEYS);
        Optional<ProductId> id = at.parsed("id", ProductId::new, true);
        if (id.isPresent() && domain != null && !id.get().domain().equals(domain)) {
            problems.add(
                    at.nodeOf("id"),
                    at.child("id"),
                    "product id '" + id.get() + "' must start with '" + domain + ".', the domain of this descriptor");
        }
        ProductStatus status = at.enumValue("status", ProductStatus.class, true);
        LocalDate sunset =
                at.parsed("sunsetDate", DescriptorReading::date, false).orElse(null);
        if (sunset != null && status != null && status != ProductStatus.DEPRECATED && status != ProductStatus.RETIRED) {
            problems.add(
                    at.nodeOf("sunsetDate"),
                    at.child("sunsetDate"),
                    "a sunsetDate is the day a deprecated "
                            + "product goes away; this product is "
                            + status.name().toLowerCase(Locale.ROOT)
                            + " (set status: deprecated, or remove sunsetDate)");
        }
        Visibility visibility =
                at.has("visibility") ? at.enumValue("visibility", Visibility.class, false) : Visibility.DEFAULT;
        Description description =
                at.object("description").map(this::description).orElse(Description.EMPTY);
        Team team = at.object("team").map(this::team).orElse(null);
        List<SupportChannel> support =
                at.objects("support").stream().map(this::support).toList();
        List<InputPort> inputs = new ArrayList<>();
        for (YamlObject port : at.objects("inputPorts")) {
            port.allowOnly(INPUT_PORT_KEYS, INPUT_PORT_KEYS_NOT_STORED);
            String name = port.requiredString("name");
            port.parsed("contractId", DatasetId::new, true)
                    .ifPresent(contract ->
                            inputs.add(new InputPort(name == null ? "" : name, contract, port.string("version", ""))));
        }
        List<OutputPort> outputs = new ArrayList<>();
        List<YamlObject> outputPortItems = at.objects("outputPorts");
        for (YamlObject port : outputPortItems) {
            port.allowOnly(OUTPUT_PORT_KEYS, OUTPUT_PORT_KEYS_NOT_STORED);
            String name = port.requiredString("name");
            outputs.add(new OutputPort(
                    name == null ? "" : name,
                    port.string("description", ""),
                    port.string("type", ""),
                    port.string("version", ""),
                    port.parsed("contractId", DatasetId::new, false).orElse(null)));
        }
        List<YamlObject> schema = at.objects("schema");
        Set<DatasetId> sourcesAllowed = new LinkedHashSet<>();
        inputs.forEach(port -> sourcesAllowed.add(port.contractId()));
        if (domain != null) {
            schema.stream()
                    .map(item -> item.peek("name"))
                    .filter(n -> n != null && Ids.isSegment(n))
                    .forEach(n -> sourcesAllowed.add(DatasetId.of(domain, n)));
        }
        if (schema.isEmpty()) {
            problems.add(
                    at.nodeOf("schema"),
                    at.child("schema"),
                    "a product must publish at least one dataset under 'schema'");
        }
        List<Dataset> datasets = new ArrayList<>();
        for (YamlObject item : schema) {
            Dataset dataset = dataset(item, domain, sourcesAllowed);
            if (dataset != null) {
                if (datasets.stream().anyMatch(d -> d.id().equals(dataset.id()))) {
                    problems.add(item.nodeOf("name"), item.child("name"), "duplicate dataset '" + dataset.id() + "'");
                }
                datasets.add(dataset);
            }
        }
        for (int i = 0; i < outputs.size(); i++) {
            DatasetId contract = outputs.get(i).contractId();
            if (contract != null && datasets.stream().noneMatch(d -> d.id().equals(contract))) {
                YamlObject port = outputPortItems.get(i);
                problems.add(
                        port.nodeOf("contractId"),
                        port.child("contractId"),
                        "output port contract '"
                                + contract + "' is not a dataset of this product; it publishes "
                                + String.join(
                                        ", ",
                                        datasets.stream()
                                                .map(d -> d.id().value())
                                                .toList()));
            }
        }
        List<Consumer> consumers = new ArrayList<>();
        for (YamlObject item : at.objects("consumers")) {
            Consumer consumer = consumer(item, domain, datasets);
            if (consumer != null) {
                consumers.add(consumer);
            }
        }
        List<SlaProperty> sla = new ArrayList<>();
        for (YamlObject item : at.objects("slaProperties")) {
            item.allowOnly(SLA_KEYS, SLA_KEYS_NOT_STORED);
            String property = item.requiredString("property");
            String value = item.requiredString("value");
            if (property != null && value != null) {
                sla.add(new SlaProperty(property, value, item.string("unit", ""), item.string("element", "")));
            }
        }
        if (id.isEmpty() || status == null || visibility == null) {
            return null;
        }
        TemplateRef template = at.object("template").map(this::templateRef).orElse(null);
        return new DataProduct(
                id.get(),
                at.string("name", id.get().value()),
                at.string("version", ""),
                status,
                sunset,
                visibility,
                description,
                at.strings("tags"),
                team,
                support,
                inputs,
                outputs,
                datasets,
                consumers,
                sla,
                template);
    }

    /** The template a product was made from: {@code id}, {@code version} and the {@code values} it was given. */
    @Nullable
    TemplateRef templateRef(YamlObject at) {
        at.allowOnly(TEMPLATE_REF_KEYS);
        Optional<String> id = at.parsed("id", TemplateIds::id, true);
        Optional<String> version = at.parsed("version", TemplateIds::version, true);
        Map<String, Object> values = new LinkedHashMap<>();
        if (at.has("values")) {
            Node node = at.nodeOf("values");
            if (!(node instanceof MappingNode)) {
                problems.add(node, at.child("values"), "expected a mapping of parameter names to values");
            } else {
                try {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> read = (Map<String, Object>) YamlValues.value(node);
                    TemplateRef.examplesIn(read)
                            .forEach(path ->
                                    problems.add(node, at.child("values") + "." + path, TemplateRef.NO_EXAMPLES));
                    values.putAll(read);
                } catch (IllegalArgumentException e) {
                    problems.add(node, at.child("values"), e.getMessage());
                }
            }
        }
        return id.isPresent() && version.isPresent() ? new TemplateRef(id.get(), version.get(), values) : null;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid date '" + text + "': expected a day such as 2027-03-31");
        }
    }

    Description description(YamlObject at) {
        at.allowOnly(DESCRIPTION_KEYS, DESCRIPTION_KEYS_NOT_STORED);
        return new Description(at.string("purpose", ""), at.string("limitations", ""), at.string("usage", ""));
    }

    @Nullable
    Dataset dataset(YamlObject at, @Nullable DomainId domain, Set<DatasetId> sourcesAllowed) {
        at.allowOnly(SCHEMA_KEYS, SCHEMA_KEYS_NOT_STORED);
        String name = at.requiredString("name");
        Optional<DatasetId> id = Optional.empty();
        if (name != null && domain != null) {
            id = at.parsed("name", n -> DatasetId.of(domain, n), true);
        }
        List<Field> fields = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlObject item : at.objects("properties")) {
            Field field = field(item, id.orElse(null), sourcesAllowed);
            if (field != null) {
                if (!names.add(field.name())) {
                    problems.add(item.nodeOf("name"), item.child("name"), "duplicate field '" + field.name() + "'");
                }
                fields.add(field);
            }
        }
        if (fields.isEmpty() && !at.has("properties")) {
            problems.add(at.node(), at.child("properties"), "a dataset must declare its fields under 'properties'");
        }
        return id.map(datasetId -> new Dataset(
                        datasetId,
                        at.string("physicalName", datasetId.name()),
                        at.string("description", ""),
                        at.strings("tags"),
                        fields,
                        at.string("physicalType", ""),
                        at.string("businessName", "")))
                .orElse(null);
    }

    @Nullable
    Field field(YamlObject at, @Nullable DatasetId dataset, Set<DatasetId> sourcesAllowed) {
        at.allowOnly(PROPERTY_KEYS, PROPERTY_KEYS_NOT_STORED);
        String name = at.requiredString("name");
        if (name != null && !Ids.isSegment(name)) {
            problems.add(
                    at.nodeOf("name"),
                    at.child("name"),
                    "invalid field name '" + name
                            + "': expected lower-case letters, digits and _, starting with a letter");
            name = null;
        }
        String logicalType = at.requiredString("logicalType");
        if (logicalType != null && !LOGICAL_TYPES.contains(logicalType)) {
            problems.add(
                    at.nodeOf("logicalType"),
                    at.child("logicalType"),
                    "unknown logicalType '" + logicalType + "'; expected one of "
                            + String.join(", ", LOGICAL_TYPES.stream().sorted().toList()));
        }
        Classification classification = at.enumValue("classification", Classification.class, false);
        List<FieldRef> sources = at.parsedStrings("transformSourceObjects", FieldRef::new);
        for (FieldRef source : sources) {
            if (dataset != null && name != null && source.equals(dataset.field(name))) {
                problems.add(
                        at.nodeOf("transformSourceObjects"),
                        at.child("transformSourceObjects"),
                        "field '" + source + "' cannot be derived from itself");
            } else if (!sourcesAllowed.contains(source.dataset())) {
                problems.add(
                        at.nodeOf("transformSourceObjects"),
                        at.child("transformSourceObjects"),
                        "source '" + source + "' is in dataset '" + source.dataset() + "', which is neither an "
                                + "input port of this product nor one of its datasets; add an input port with "
                                + "contractId: " + source.dataset());
            }
        }
        if (name == null || logicalType == null) {
            return null;
        }
        return new Field(
                name,
                logicalType,
                at.string("description", ""),
                classification,
                at.bool("criticalDataElement", false),
                at.bool("required", false),
                at.bool("primaryKey", false),
                at.strings("tags"),
                sources,
                at.string("transformDescription", at.string("transformLogic", "")),
                at.scalars("examples", MAX_EXAMPLES, MAX_EXAMPLE_LENGTH),
                at.string("physicalType", ""),
                at.string("businessName", ""));
    }

    @Nullable
    Consumer consumer(YamlObject at, @Nullable DomainId domain, List<Dataset> datasets) {
        at.allowOnly(CONSUMER_KEYS);
        String id = at.requiredString("id");
        if (id != null && !Ids.isDotted(id)) {
            problems.add(
                    at.nodeOf("id"),
                    at.child("id"),
                    "invalid consumer id '" + id
                            + "': expected dotted lower-case names such as operations.fulfillment_dashboard");
            id = null;
        }
        ConsumerKind kind = at.enumValue("kind", ConsumerKind.class, true);
        Purpose purpose = at.parsed("purpose", Purpose::new, false).orElse(null);
        List<DatasetId> reads = new ArrayList<>();
        for (String name : at.strings("datasets")) {
            Optional<Dataset> match =
                    datasets.stream().filter(d -> d.id().name().equals(name)).findFirst();
            if (match.isPresent()) {
                reads.add(match.get().id());
            } else {
                problems.add(
                        at.nodeOf("datasets"),
                        at.child("datasets"),
                        "unknown dataset '" + name
                                + "'; this product publishes "
                                + String.join(
                                        ", ",
                                        datasets.stream()
                                                .map(d -> d.id().name())
                                                .toList()));
            }
        }
        if (id == null || kind == null || domain == null) {
            return null;
        }
        return new Consumer(
                id,
                at.string("name", id),
                kind,
                at.string("description", ""),
                at.bool("external", false),
                at.string("destination", ""),
                at.optionalString("owner"),
                reads,
                purpose);
    }
}
