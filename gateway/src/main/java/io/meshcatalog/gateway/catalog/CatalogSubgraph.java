package io.meshcatalog.gateway.catalog;

import com.apollographql.federation.graphqljava.Federation;
import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.introspection.GoodFaithIntrospection;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import io.meshcatalog.gateway.completion.PlainCompletionStrategy;
import io.meshcatalog.gateway.execution.DocumentCache;
import io.meshcatalog.gateway.execution.GatewayResponse;
import io.meshcatalog.gateway.execution.InProcessSubgraph;
import io.meshcatalog.gateway.execution.OperationAdmission;
import io.meshcatalog.gateway.execution.OperationLimits;
import io.meshcatalog.gateway.execution.RequestContext;
import io.meshcatalog.gateway.execution.SubgraphRequest;
import io.meshcatalog.gateway.limits.CostModel;
import io.meshcatalog.graph.lineage.LineageStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * The built-in catalog subgraph: {@code catalog-subgraph.graphqls} made executable over the
 * {@link LineageStore} with federation-jvm ({@code _service}, {@code _entities}). The gateway calls
 * it in-process; {@code /catalog/graphql} serves it over HTTP too, under the gateway's rules (parser and operation
 * limits, mutations decided on the parsed operation). Resolvers block on Neo4j, so operations run on the catalog's own
 * executor, never on the gateway's HTTP threads.
 */
public final class CatalogSubgraph implements InProcessSubgraph {

    static final String SDL_RESOURCE = "/catalog/catalog-subgraph.graphqls";

    private final String name;
    private final String url;
    private final String sdl;
    private final GraphQL graphQL;
    private final LineageStore store;
    private final ExecutorService executor;
    private final DocumentCache documents;
    private final OperationAdmission admission;
    private final HealthFetchers health;
    private final LifecycleFetchers lifecycle;

    /** The resolvers beside the lineage ones, each class adding its fields to the wiring. */
    record Extensions(
            ApiKeyFetchers keys,
            AccessFetchers access,
            AuditFetchers audit,
            RunFetchers runs,
            HealthFetchers health,
            LifecycleFetchers lifecycle,
            NotificationFetchers notifications,
            TemplateFetchers templates) {}

    CatalogSubgraph(
            String name,
            String url,
            LineageStore store,
            CatalogFetchers fetchers,
            Extensions extensions,
            ExecutorService executor,
            OperationLimits limits) {
        this.name = name;
        this.url = url;
        this.sdl = readSdl();
        this.store = store;
        this.executor = executor;
        RuntimeWiring.Builder wiring = wiring(fetchers);
        extensions.keys().wire(wiring);
        extensions.access().wire(wiring);
        extensions.audit().wire(wiring);
        extensions.runs().wire(wiring);
        extensions.health().wire(wiring);
        extensions.lifecycle().wire(wiring);
        extensions.notifications().wire(wiring);
        extensions.templates().wire(wiring);
        this.health = extensions.health();
        this.lifecycle = extensions.lifecycle();
        GraphQLSchema schema = Federation.transform(sdl, wiring.build())
                .fetchEntities(this::entities)
                .resolveEntityType(env -> {
                    Object typename = env.getObject() instanceof Map<?, ?> map ? map.get(CatalogViews.TYPENAME) : null;
                    return env.getSchema().getObjectType(String.valueOf(typename));
                })
                .build();
        this.documents = new DocumentCache("catalog-documents", schema, 500, limits.gatewayWide());
        this.admission = new OperationAdmission(schema, CostModel.of(sdl), limits);
        CatalogErrors errors = new CatalogErrors();
        // resolvers return maps: large answers (an impact's nodes) are copied whole, not completed field by field
        this.graphQL = GraphQL.newGraphQL(schema)
                .defaultDataFetcherExceptionHandler(errors)
                .queryExecutionStrategy(new PlainCompletionStrategy(errors))
                .preparsedDocumentProvider(documents)
                .build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public String sdl() {
        return sdl;
    }

    @Override
    public CompletableFuture<Map<String, Object>> execute(SubgraphRequest request) {
        return execute(request.query(), null, request.variables(), request.context());
    }

    /**
     * Runs an operation a client sent over HTTP, as {@code /graphql} admits it: parsed within the parser limits, its
     * operation selected and held to the caller's limits, then validated, before any resolver runs.
     *
     * @param mutationsAllowed false where the request may only run queries
     */
    public CompletableFuture<GatewayResponse> serve(
            String query,
            @Nullable String operationName,
            Map<String, @Nullable Object> variables,
            boolean mutationsAllowed,
            RequestContext context) {
        // on the catalog's executor: a document not seen before is parsed and validated there, off the event loops
        return CompletableFuture.supplyAsync(
                        () -> refusal(query, operationName, variables, mutationsAllowed, context), executor)
                .thenCompose(refusal -> refusal != null
                        ? CompletableFuture.completedFuture(refusal)
                        : execute(query, operationName, variables, context).thenApply(GatewayResponse::executed));
    }

    private @Nullable GatewayResponse refusal(
            String query,
            @Nullable String operationName,
            Map<String, @Nullable Object> variables,
            boolean mutationsAllowed,
            RequestContext context) {
        DocumentCache.Parsed parsed = documents.parse(query);
        if (parsed.failed()) {
            return GatewayResponse.refused(parsed.errors());
        }
        GatewayResponse refusal =
                admission.refusal(parsed.document(), operationName, variables, mutationsAllowed, context);
        if (refusal != null) {
            return refusal;
        }
        PreparsedDocumentEntry validated = documents.validate(parsed);
        return validated.hasErrors() ? GatewayResponse.refused(validated.getErrors()) : null;
    }

    /** Runs one operation for a caller; the caller travels in the GraphQL context for later authorization. */
    public CompletableFuture<Map<String, Object>> execute(
            String query,
            @Nullable String operationName,
            Map<String, @Nullable Object> variables,
            RequestContext context) {
        ExecutionInput.Builder input = ExecutionInput.newExecutionInput(query)
                .variables(variables)
                // Abusive introspection is for OperationLimits to judge (in serve), as in the gateway.
                .graphQLContext(Map.of(
                        RequestContext.class,
                        context,
                        GoodFaithIntrospection.GOOD_FAITH_INTROSPECTION_DISABLED,
                        true,
                        OperationReads.class,
                        new OperationReads()))
                .dataLoaderRegistry(health.registry(CatalogAccess.viewer(context.caller()))
                        .combine(lifecycle.registry(CatalogAccess.viewer(context.caller()))));
        if (operationName != null) {
            input.operationName(operationName);
        }
        // the fetch's trace context is current while it runs, so the graph model's statement spans are its children
        return CompletableFuture.supplyAsync(
                context.trace()
                        .wrapSupplier(() -> graphQL.execute(input.build()).toSpecification()),
                executor);
    }

    private List<@Nullable Object> entities(DataFetchingEnvironment env) {
        List<Map<String, Object>> representations = env.getArgument("representations");
        List<@Nullable Object> out = new ArrayList<>();
        for (Map<String, Object> representation : Objects.requireNonNull(representations)) {
            Object typename = representation.get(CatalogViews.TYPENAME);
            if (!(representation.get("id") instanceof String id)) {
                throw new IllegalArgumentException(
                        "a " + typename + " representation needs its key \"id\" as a string");
            }
            if ("DataProduct".equals(typename)) {
                out.add(OperationReads.product(env, store, id)
                        .map(CatalogViews::product)
                        .orElse(null));
            } else if ("Dataset".equals(typename)) {
                out.add(OperationReads.dataset(env, store, id)
                        .map(CatalogViews::dataset)
                        .orElse(null));
            } else {
                throw new IllegalArgumentException("the catalog resolves no entity of type " + typename);
            }
        }
        return out;
    }

    private static RuntimeWiring.Builder wiring(CatalogFetchers f) {
        return RuntimeWiring.newRuntimeWiring()
                .type(
                        "Query",
                        type -> type.dataFetcher("search", f::search)
                                .dataFetcher("dataProduct", f::dataProduct)
                                .dataFetcher("dataset", f::dataset)
                                .dataFetcher("field", f::field)
                                .dataFetcher("lineage", f::lineage)
                                .dataFetcher("impact", f::impact)
                                .dataFetcher("changeImpact", f::changeImpact)
                                .dataFetcher("descriptorCheck", f::descriptorCheck))
                .type("Mutation", type -> type.dataFetcher("refreshCatalog", f::refreshCatalog))
                .type(
                        "ImpactResult",
                        type -> type.dataFetcher("nodePage", AnswerPages::nodes)
                                .dataFetcher("ownerPage", AnswerPages::owners))
                .type("LineageResult", type -> type.dataFetcher("nodePage", AnswerPages::nodes))
                .type(
                        "DataProduct",
                        type -> type.dataFetcher("upstream", f::upstream)
                                .dataFetcher("downstream", f::downstream)
                                .dataFetcher("impact", f::selfImpact)
                                .dataFetcher("ownersToNotify", f::ownersToNotify)
                                .dataFetcher("history", f::history)
                                .dataFetcher("domain", env -> f.declared(env).domain())
                                .dataFetcher("support", env -> f.declared(env).support())
                                .dataFetcher(
                                        "inputPorts", env -> f.declared(env).inputPorts())
                                .dataFetcher(
                                        "outputPorts", env -> f.declared(env).outputPorts())
                                .dataFetcher("datasets", f::datasetsOf)
                                .dataFetcher("consumers", env -> f.declared(env).consumers())
                                .dataFetcher("sla", env -> f.declared(env).sla()))
                .type(
                        "Dataset",
                        type -> type.dataFetcher("fields", f::fields)
                                .dataFetcher("productId", f::productIdOf)
                                .dataFetcher("product", f::productOf)
                                .dataFetcher("upstream", f::upstream)
                                .dataFetcher("downstream", f::downstream)
                                .dataFetcher("impact", f::selfImpact))
                .type(
                        "Field",
                        type -> type.dataFetcher(
                                        "examples", env -> f.examples(env).values())
                                .dataFetcher(
                                        "examplesWithheld",
                                        env -> f.examples(env).withheld()))
                .type(
                        "CatalogField",
                        type -> type.dataFetcher("dataset", f::datasetOfField)
                                .dataFetcher("product", f::productOfField)
                                .dataFetcher("owners", f::ownersOfField));
    }

    private static String readSdl() {
        try (InputStream in = CatalogSubgraph.class.getResourceAsStream(SDL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "the catalog subgraph SDL " + SDL_RESOURCE + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
