package io.meshcatalog.gateway.catalog;

import graphql.schema.DataFetchingEnvironment;
import io.meshcatalog.gateway.audit.AuditEvent;
import io.meshcatalog.gateway.audit.AuditKind;
import io.meshcatalog.gateway.audit.AuditLog;
import io.meshcatalog.gateway.execution.Caller;
import io.meshcatalog.gateway.execution.RequestContext;
import io.meshcatalog.gateway.security.ForbiddenException;
import io.meshcatalog.graph.access.Viewer;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who asks a catalog resolver, and the one way the catalog refuses: the caller comes from the GraphQL context (the
 * gateway puts the request's {@link RequestContext} there for every operation), reads see the {@link Viewer} it
 * maps to, and a refusal is recorded as ACCESS_DENIED before it becomes a FORBIDDEN error.
 */
final class CatalogAccess {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogAccess.class);

    private final AuditLog audit;
    private final Clock clock;

    CatalogAccess(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** The request a resolver serves; anonymous when none was given (a tool calling the schema directly). */
    static RequestContext context(DataFetchingEnvironment env) {
        RequestContext context = env.getGraphQlContext().get(RequestContext.class);
        return context == null ? RequestContext.anonymous() : context;
    }

    /**
     * Whose view of the catalog {@code caller} gets: admins see every product, anonymous callers the public view, and
     * everyone's scopes decide which classified example values they see (an admin too needs the scope).
     */
    static Viewer viewer(Caller caller) {
        if (!caller.authenticated()) {
            return Viewer.PUBLIC;
        }
        return new Viewer(true, caller.admin(), caller.subject(), caller.teams(), caller.scopes());
    }

    /** The view of the resolver's caller. */
    static Viewer viewer(DataFetchingEnvironment env) {
        return viewer(context(env).caller());
    }

    /**
     * Records that the caller of {@code env} was refused {@code operation} on {@code target} and returns the error to
     * throw; the record is not waited for (nothing was written).
     */
    ForbiddenException deny(DataFetchingEnvironment env, String operation, String target, String reason) {
        recordDenial(context(env), operation, target, reason);
        return new ForbiddenException(operation + ": " + reason);
    }

    /** Records a refusal decided elsewhere (its message is the reason) and returns it, to throw. */
    ForbiddenException recorded(
            DataFetchingEnvironment env, String operation, String target, ForbiddenException refusal) {
        recordDenial(context(env), operation, target, String.valueOf(refusal.getMessage()));
        return refusal;
    }

    /** Records that {@code context}'s caller was refused {@code operation} on {@code target}, without waiting. */
    void recordDenial(RequestContext context, String operation, String target, String reason) {
        audit.append(new AuditEvent(
                        clock.instant(),
                        AuditKind.ACCESS_DENIED,
                        context.caller().name(),
                        context.source(),
                        target,
                        AuditEvent.DENIED,
                        Map.of("operation", operation, "reason", reason)))
                .whenComplete((done, failure) -> {
                    if (failure != null) {
                        LOG.warn("Cannot record a refused {} in the audit log: {}", operation, failure.toString());
                    }
                });
    }
}
