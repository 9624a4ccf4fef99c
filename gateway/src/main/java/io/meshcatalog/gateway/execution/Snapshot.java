package io.meshcatalog.gateway.execution;

import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import graphql.language.VariableDefinition;
import io.meshcatalog.gateway.limits.LimitRefusal;
import io.meshcatalog.gateway.observability.Tracing;
import io.meshcatalog.gateway.planning.AuthorizationFilter;
import io.meshcatalog.gateway.planning.Operations;
import io.meshcatalog.gateway.planning.PlanCache;
import io.meshcatalog.gateway.planning.PlanningAbandoned;
import io.meshcatalog.gateway.planning.PlanningBudget;
import io.meshcatalog.gateway.planning.PlanningException;
import io.meshcatalog.gateway.planning.QueryPlan;
import io.meshcatalog.gateway.planning.QueryPlanner;
import io.meshcatalog.gateway.supergraph.OverrideLabel;
import io.meshcatalog.gateway.supergraph.Supergraph;
import io.opentelemetry.context.Context;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One supergraph as served: its plans per set of enabled override labels (one set when it uses no
 * progressive override).
 */
record Snapshot(
        Supergraph supergraph,
        AuthorizationFilter filter,
        Set<OverrideLabel> overrideLabels,
        Map<Set<String>, PlanCache> plansByLabels,
        GraphQL graphql,
        SubgraphRegistry registry,
        DocumentCache documents,
        ResponseShaper shaper,
        OperationAdmission admission,
        InFlightRequests requests) {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    /** The plans of requests with these override labels enabled. */
    PlanCache plans(Set<String> enabledLabels) {
        return plansByLabels.computeIfAbsent(
                enabledLabels,
                labels -> new PlanCache(
                        new QueryPlanner(supergraph.withOverrideLabels(labels)), filter, Gateway.PLAN_CACHE_SIZE));
    }

    /** The parse and plan of a document validated and planned before, admitted again for this request; else null. */
    @Nullable
    Prepared cached(GatewayRequest request, PlanCache plans, PlanCache.RightsSource rights) {
        PreparsedDocumentEntry parsed = documents.cached(request.query());
        if (parsed == null || parsed.hasErrors()) {
            return null;
        }
        PlanCache.Planned planned = plans.cached(request.query(), request.operationName(), rights);
        return planned == null
                ? null
                : new Prepared(parsed.getDocument(), planned, admit(parsed.getDocument(), request));
    }

    /**
     * Parses, admits, validates and plans: an operation that is not admitted is neither validated nor planned (a
     * document of a few kilobytes can keep graphql-java's validation busy for minutes, and the planner longer).
     */
    Prepared prepare(GatewayRequest request, PlanCache plans, PlanCache.RightsSource rights, PlanningBudget budget) {
        PlanningAbandoned before = budget.exhausted();
        if (before != null) {
            return Prepared.refused(abandoned(before));
        }
        Context trace = request.context().trace();
        DocumentCache.Parsed parsed = Tracing.step("graphql.parse", trace, () -> documents.parse(request.query()));
        if (parsed.failed()) {
            return Prepared.refused(GatewayResponse.refused(parsed.errors()));
        }
        Document document = parsed.document();
        GatewayResponse refusal = admit(document, request);
        if (refusal != null) {
            return Prepared.refused(refusal);
        }
        PreparsedDocumentEntry validated = Tracing.step("graphql.validate", trace, () -> documents.validate(parsed));
        if (validated.hasErrors()) {
            return Prepared.refused(GatewayResponse.refused(validated.getErrors()));
        }
        try {
            return new Prepared(
                    document,
                    Tracing.step(
                            "graphql.plan",
                            trace,
                            () -> plans.plan(request.query(), document, request.operationName(), rights, budget)),
                    null);
        } catch (PlanningAbandoned e) {
            LOG.info(
                    "Planning of operation {} for {} abandoned: {}",
                    request.operationName(),
                    request.context().caller().name(),
                    e.getMessage());
            return Prepared.refused(abandoned(e));
        } catch (PlanningException e) {
            return Prepared.refused(
                    GatewayResponse.executed(Gateway.withNullData(Gateway.messages(List.of(e.getMessage())))));
        } catch (RuntimeException e) {
            // A planner bug must cost this request only, and say so.
            String id = Incidents.logged(LOG, "Cannot plan operation " + request.operationName(), e);
            return Prepared.refused(GatewayResponse.executed(Gateway.withNullData(
                    Gateway.messages(List.of(Incidents.told("the gateway could not plan this operation", id))))));
        }
    }

    private static GatewayResponse abandoned(PlanningAbandoned e) {
        return GatewayResponse.refusedWith(
                List.of(new LimitRefusal(e.code(), e.getMessage()).toSpecification()), GatewayResponse.Kind.REFUSED);
    }

    /** Why this request may not run the operation it selected from the document; null when it may. */
    @Nullable
    GatewayResponse admit(Document document, GatewayRequest request) {
        return admission.refusal(
                document, request.operationName(), request.variables(), request.mutationsAllowed(), request.context());
    }

    /** The variables' problems against the operation's definitions, as graphql-java coerces them; empty when none. */
    List<GraphQLError> coerceVariables(Document document, GatewayRequest request) {
        // The plan chose this operation already: the document has it.
        List<VariableDefinition> definitions =
                Operations.select(document, request.operationName()).getVariableDefinitions();
        if (definitions.isEmpty()) {
            return List.of();
        }
        try {
            ValuesResolver.coerceVariableValues(
                    supergraph.apiSchema(),
                    definitions,
                    RawVariables.of(request.variables()),
                    GraphQLContext.getDefault(),
                    Locale.ROOT);
            return List.of();
        } catch (RuntimeException e) {
            if (e instanceof GraphQLError error) {
                return List.of(error);
            }
            throw e;
        }
    }

    /** What a document needs before it runs: its parse and plan (for this caller), or the response that refuses it. */
    record Prepared(
            Document document,
            PlanCache.Planned planned,
            @Nullable GatewayResponse refusal) {

        static Prepared refused(GatewayResponse response) {
            Document none = Document.newDocument().build();
            return new Prepared(
                    none,
                    new PlanCache.Planned(new QueryPlan(null), AuthorizationFilter.Filtered.unchanged(none)),
                    response);
        }
    }
}
