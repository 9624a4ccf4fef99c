package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.descriptor.DescriptorException;
import io.meshcatalog.graph.descriptor.TemplateIds;
import io.meshcatalog.graph.template.ProductTemplate;
import io.meshcatalog.graph.template.TemplateReader;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The templates published to the catalog, every version kept: a platform team publishes a version once (publishing
 * it again unchanged is a no-op, changing it is refused), domains instantiate it, and the catalog says which products
 * came from which version.
 */
public final class CatalogTemplates {

    /** The scope that lets a caller who is not an admin publish templates (a platform team's CI key). */
    public static final String PUBLISH_SCOPE = "templates:write";
    /** The most template versions the catalog keeps, and of one template. */
    static final int MAX_VERSIONS = 1_000;

    static final int MAX_VERSIONS_OF_ONE = 50;

    private static final Logger LOG = LoggerFactory.getLogger(CatalogTemplates.class);

    private final Driver driver;
    private final CypherLog cypher;
    private final Clock clock;
    private final Map<String, ProductTemplate> parsed = new ConcurrentHashMap<>();

    CatalogTemplates(Driver driver, CypherLog cypher, Clock clock) {
        this.driver = driver;
        this.cypher = cypher;
        this.clock = clock;
    }

    /** One published version: the template, when and by whom; {@code created} when this call published it. */
    public record Published(ProductTemplate template, Instant publishedAt, String publishedBy, boolean created) {}

    /** A product made from a template, at the version it names. */
    public record Made(String productId, String version, String status) {}

    /**
     * Publishes the template {@code yaml} (read and checked first: a {@link io.meshcatalog.graph.descriptor
     * .DescriptorException} lists its problems by line). {@code publisher} is an admin or holds
     * {@value #PUBLISH_SCOPE}; a new version of a template already published is for an admin, whoever published its
     * first version, or a member of the team its first version names as owner.
     */
    public Published publish(Viewer publisher, String source, String yaml) {
        if (!publisher.everything() && !publisher.scopes().contains(PUBLISH_SCOPE)) {
            throw new AccessDeniedException("publishing a template takes an admin or the scope " + PUBLISH_SCOPE);
        }
        ProductTemplate template = TemplateReader.read(source, yaml);
        List<Published> earlier = versions(template.id());
        Optional<Published> same = earlier.stream()
                .filter(p -> p.template().version().equals(template.version()))
                .findFirst();
        if (same.isEmpty()) {
            mayAddVersion(publisher, template, earlier);
        }
        String by = publisher.subject().isEmpty() ? "catalog" : publisher.subject();
        Map<String, Object> parameters = new HashMap<>(Map.of(
                "key",
                template.coordinates(),
                "id",
                template.id(),
                "version",
                template.version(),
                "yaml",
                yaml,
                "by",
                by,
                "now",
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
        try (Session session = CausalSessions.open(driver)) {
            Record stored = session.executeWrite(tx -> cypher.single(tx, "template-publish", parameters));
            if (!stored.get("yaml").asString().equals(yaml)) {
                throw new CatalogConflictException("template " + template.coordinates() + " is published already, "
                        + "with other text; a published version never changes: publish it as a new version");
            }
            return new Published(
                    template,
                    stored.get("publishedAt").asZonedDateTime().toInstant(),
                    stored.get("publishedBy").asString(),
                    stored.get("created").asBoolean());
        }
    }

    private void mayAddVersion(Viewer publisher, ProductTemplate template, List<Published> earlier) {
        Optional<Published> first = earlier.stream().min(Comparator.comparing(Published::publishedAt));
        if (first.isPresent()
                && !publisher.everything()
                && !publisher.subject().equals(first.get().publishedBy())
                && !publisher.teams().contains(first.get().template().owner())) {
            throw new AccessDeniedException("template " + template.id() + " is "
                    + first.get().publishedBy()
                    + "'s (owner " + first.get().template().owner() + "): its new versions are for them, the owner "
                    + "team or an admin");
        }
        Record counts = cypher.read(driver, "template-count", Map.of("id", template.id()))
                .records()
                .get(0);
        if (counts.get("total").asInt() >= MAX_VERSIONS || counts.get("ofId").asInt() >= MAX_VERSIONS_OF_ONE) {
            throw new IllegalArgumentException("the catalog keeps at most " + MAX_VERSIONS + " template versions, "
                    + MAX_VERSIONS_OF_ONE + " of one template; " + template.id() + " has "
                    + counts.get("ofId").asInt());
        }
    }

    /** Every published version of {@code id} (of every template when null), by id and then release order. */
    public List<Published> versions(@Nullable String id) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", id);
        parameters.put("limit", MAX_VERSIONS);
        List<Published> versions = new ArrayList<>();
        for (Record row : cypher.read(driver, "template-versions", parameters).records()) {
            String coordinates =
                    row.get("id").asString() + "@" + row.get("version").asString();
            try {
                versions.add(new Published(
                        parse(coordinates, row.get("yaml").asString()),
                        row.get("publishedAt").asZonedDateTime().toInstant(),
                        row.get("publishedBy").asString(),
                        false));
            } catch (DescriptorException e) {
                // a version published under older rules that these refuse: left out, not the whole answer lost
                LOG.warn("Template {} as published no longer reads, left out: {}", coordinates, e.getMessage());
            }
        }
        return versions.stream()
                .sorted(Comparator.comparing((Published p) -> p.template().id())
                        .thenComparing(p -> p.template().version(), TemplateIds.VERSION_ORDER))
                .toList();
    }

    /** Version {@code version} of template {@code id}, or its latest when {@code version} is null. */
    public Optional<Published> template(String id, @Nullable String version) {
        return chosen(versions(TemplateIds.id(id)), version);
    }

    /** Version {@code version} among {@code versions} (in release order), or the latest when it is null. */
    public static Optional<Published> chosen(List<Published> versions, @Nullable String version) {
        return version == null
                ? versions.stream().reduce((first, second) -> second)
                : versions.stream()
                        .filter(p -> p.template().version().equals(version))
                        .findFirst();
    }

    /** The products {@code viewer} may see that were made from template {@code id}; at most {@code limit}. */
    public List<Made> products(Viewer viewer, String id, int limit) {
        return cypher
                .read(
                        driver,
                        "template-products",
                        ViewerParameters.of(viewer, clock.instant()).with("id", id, "limit", limit))
                .records()
                .stream()
                .map(row -> new Made(
                        row.get("id").asString(),
                        row.get("version").asString(""),
                        row.get("status").asString("")))
                .toList();
    }

    private ProductTemplate parse(String coordinates, String yaml) {
        // a published version never changes: its parse is kept, keyed by its text (the catalog keeps so many at most)
        if (parsed.size() > MAX_VERSIONS) {
            parsed.clear();
        }
        return parsed.computeIfAbsent(yaml, text -> TemplateReader.read(coordinates, text));
    }
}
