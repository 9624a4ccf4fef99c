package io.meshcatalog.gateway.catalog;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.meshcatalog.gateway.audit.AuditEvent;
import io.meshcatalog.gateway.audit.AuditKind;
import io.meshcatalog.gateway.audit.AuditLog;
import io.meshcatalog.gateway.execution.RequestContext;
import io.meshcatalog.graph.descriptor.DescriptorException;
import io.meshcatalog.graph.descriptor.TemplateIds;
import io.meshcatalog.graph.lineage.AccessDeniedException;
import io.meshcatalog.graph.lineage.CatalogTemplates;
import io.meshcatalog.graph.lineage.TemplateDrift;
import io.meshcatalog.graph.model.DataProduct;
import io.meshcatalog.graph.model.TemplateRef;
import io.meshcatalog.graph.template.ProductTemplate;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Product templates over GraphQL: the published ones and their versions ({@code templates}, {@code template}),
 * publishing one ({@code publishTemplate}, recorded in the audit log), and on each product the template it was made
 * from with its drift and what upgrading would change ({@code DataProduct.template}).
 */
final class TemplateFetchers {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_PRODUCTS = 1_000;

    private final CatalogTemplates templates;
    private final CatalogVocabulary vocabulary;
    private final CatalogAccess access;
    private final AuditLog audit;
    private final Clock clock;

    TemplateFetchers(
            CatalogTemplates templates,
            CatalogVocabulary vocabulary,
            CatalogAccess access,
            AuditLog audit,
            Clock clock) {
        this.templates = templates;
        this.vocabulary = vocabulary;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type(
                        "Query",
                        type -> type.dataFetcher("templates", env -> all()).dataFetcher("template", this::template))
                .type("Mutation", type -> type.dataFetcher("publishTemplate", this::publish))
                .type("ProductTemplate", type -> type.dataFetcher("products", this::products))
                .type("DataProduct", type -> type.dataFetcher("template", this::use));
    }

    private List<Map<String, Object>> all() {
        Map<String, List<CatalogTemplates.Published>> byId = templates.versions(null).stream()
                .collect(Collectors.groupingBy(p -> p.template().id(), LinkedHashMap::new, Collectors.toList()));
        return byId.values().stream()
                .map(versions -> {
                    CatalogTemplates.Published latest =
                            CatalogTemplates.chosen(versions, null).orElseThrow();
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("id", latest.template().id());
                    out.put("latest", version(latest));
                    out.put(
                            "versions",
                            versions.stream().map(TemplateFetchers::version).toList());
                    out.put("latestVersion", latest.template().version());
                    return out;
                })
                .toList();
    }

    private @Nullable Map<String, Object> template(DataFetchingEnvironment env) {
        return templates
                .template(env.getArgument("id"), env.getArgument("version"))
                .map(TemplateFetchers::version)
                .orElse(null);
    }

    private Map<String, Object> publish(DataFetchingEnvironment env) {
        String yaml = env.getArgument("template");
        CatalogTemplates.Published published;
        try {
            published = templates.publish(CatalogAccess.viewer(env), "template", yaml);
        } catch (AccessDeniedException e) {
            throw access.deny(env, "publishTemplate", "template", String.valueOf(e.getMessage()));
        } catch (DescriptorException e) {
            throw new IllegalArgumentException("the template does not read: " + e.getMessage(), e);
        }
        if (!published.created()) {
            return version(published); // the same version again: nothing was published, nothing to record
        }
        RequestContext context = CatalogAccess.context(env);
        Map<String, @Nullable Object> details = new LinkedHashMap<>();
        details.put("version", published.template().version());
        details.put("publishedAt", published.publishedAt().toString());
        try {
            audit.append(new AuditEvent(
                            clock.instant(),
                            AuditKind.TEMPLATE_PUBLISHED,
                            context.caller().name(),
                            context.source(),
                            published.template().id(),
                            AuditEvent.SUCCESS,
                            details))
                    .join();
        } catch (CompletionException e) {
            throw new IllegalStateException(
                    "the audit log cannot record the publication of "
                            + published.template().coordinates() + ": "
                            + (e.getCause() == null ? e : e.getCause()).getMessage(),
                    e);
        }
        return version(published);
    }

    private List<Map<String, Object>> products(DataFetchingEnvironment env) {
        Map<String, Object> source = env.getSource();
        Integer asked = env.getArgument("first");
        int first = Math.max(0, Math.min(MAX_PRODUCTS, asked == null ? MAX_PRODUCTS : asked));
        String latest = String.valueOf(source.get("latestVersion"));
        return templates.products(CatalogAccess.viewer(env), String.valueOf(source.get("id")), first).stream()
                .map(made -> Map.<String, Object>of(
                        "productId",
                        made.productId(),
                        "version",
                        made.version(),
                        "status",
                        made.status(),
                        "outdated",
                        TemplateIds.VERSION_ORDER.compare(made.version(), latest) < 0))
                .toList();
    }

    /** The product's template use, computed from its declared descriptor and the published versions. */
    private @Nullable Map<String, @Nullable Object> use(DataFetchingEnvironment env) {
        Map<String, Object> source = env.getSource();
        Optional<CatalogVocabulary.Declared> declared = vocabulary.declared(String.valueOf(source.get("id")));
        if (declared.isEmpty() || declared.get().product().template() == null) {
            return null;
        }
        DataProduct product = declared.get().product();
        TemplateRef made = product.template();
        List<CatalogTemplates.Published> versions = templates.versions(made.id());
        Optional<ProductTemplate> from =
                CatalogTemplates.chosen(versions, made.version()).map(CatalogTemplates.Published::template);
        ProductTemplate latest = CatalogTemplates.chosen(versions, null)
                .map(CatalogTemplates.Published::template)
                .orElse(null);
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("id", made.id());
        out.put("version", made.version());
        out.put("values", JSON.writeValueAsString(made.values()));
        out.put("latestVersion", latest == null ? null : latest.version());
        out.put("outdated", latest != null && TemplateIds.VERSION_ORDER.compare(made.version(), latest.version()) < 0);
        out.put("drift", null);
        out.put("upgrade", null);
        out.put("problem", null);
        if (from.isEmpty()) {
            out.put("problem", "template " + made.coordinates() + " is not published to the catalog");
            return out;
        }
        try {
            out.put("drift", CatalogViews.changes(TemplateDrift.of(from.get(), product)));
            out.put(
                    "upgrade",
                    CatalogViews.changes(
                            latest == from.get() ? List.of() : TemplateDrift.upgrade(from.get(), latest, product)));
        } catch (IllegalArgumentException | DescriptorException e) {
            out.put("problem", "the template cannot make the product of its values: " + e.getMessage());
        }
        return out;
    }

    private static Map<String, Object> version(CatalogTemplates.Published published) {
        ProductTemplate template = published.template();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", template.id());
        out.put("version", template.version());
        out.put("name", template.name());
        out.put("description", template.description());
        out.put("owner", template.owner());
        out.put("parameters", JSON.writeValueAsString(template.parameters()));
        out.put("exampleValues", JSON.writeValueAsString(template.exampleValues()));
        out.put("yaml", template.yaml());
        out.put("publishedAt", published.publishedAt().toString());
        out.put("publishedBy", published.publishedBy());
        return out;
    }
}
