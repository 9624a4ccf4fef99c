package io.meshcatalog.gateway.catalog;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.meshcatalog.gateway.audit.AuditEvent;
import io.meshcatalog.gateway.audit.AuditKind;
import io.meshcatalog.gateway.audit.AuditLog;
import io.meshcatalog.gateway.execution.Caller;
import io.meshcatalog.gateway.execution.RequestContext;
import io.meshcatalog.gateway.execution.Role;
import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.lineage.AccessDecision;
import io.meshcatalog.graph.lineage.AccessDeniedException;
import io.meshcatalog.graph.lineage.AccessRequest;
import io.meshcatalog.graph.lineage.LineageStore;
import io.meshcatalog.graph.model.ProductId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sharing with approval on the catalog subgraph: {@code requestAccess}, {@code decideAccess}, {@code revokeAccess},
 * the lists of requests, {@code DataProduct.grants} and {@code governanceFindings}, over the store's grants.
 *
 * <p>Who may: any authenticated caller asks, for itself or a team it belongs to; members of the product's owning
 * team with the DOMAIN_MEMBER role, and admins, decide and revoke (the store checks the team against the request it
 * locks); a requester may also withdraw its own request or give up its grant. Every refusal goes through
 * {@link CatalogAccess#deny} (recorded as ACCESS_DENIED); every act is in the audit log before its answer leaves
 * (ACCESS_REQUESTED, ACCESS_DECIDED; a revocation is ACCESS_DECIDED with {@code decision: REVOKED}), and an approval
 * the log cannot record is undone. Each decision drops the cached grants ({@link GrantCache}).
 */
final class AccessFetchers {

    private static final Logger LOG = LoggerFactory.getLogger(AccessFetchers.class);

    /** Who undoes an approval the audit log could not record. */
    private static final Viewer GATEWAY = new Viewer(true, true, "gateway", Set.of());

    private final LineageStore store;
    private final CatalogAccess access;
    private final AuditLog audit;
    private final GrantCache grants;
    private final Clock clock;

    AccessFetchers(LineageStore store, CatalogAccess access, AuditLog audit, GrantCache grants, Clock clock) {
        this.store = store;
        this.access = access;
        this.audit = audit;
        this.grants = grants;
        this.clock = clock;
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type(
                        "Query",
                        type -> type.dataFetcher("accessRequests", this::accessRequests)
                                .dataFetcher("pendingAccessRequests", this::pendingAccessRequests)
                                .dataFetcher("myAccessRequests", this::myAccessRequests)
                                .dataFetcher(
                                        "governanceFindings",
                                        env -> GovernanceViews.report(
                                                store.governanceFindings(CatalogAccess.viewer(env)))))
                .type(
                        "Mutation",
                        type -> type.dataFetcher("requestAccess", this::requestAccess)
                                .dataFetcher("decideAccess", this::decideAccess)
                                .dataFetcher("revokeAccess", this::revokeAccess))
                .type("DataProduct", type -> type.dataFetcher("grants", this::grants));
    }

    private Map<String, @Nullable Object> requestAccess(DataFetchingEnvironment env) {
        String product = env.getArgument("product");
        Caller caller = authenticated(env, "requestAccess", product);
        new ProductId(product);
        String purpose = env.getArgument("purpose");
        Instant until = until(env.getArgument("until"));
        String team = env.getArgument("forTeam");
        if (team != null && !caller.memberOf(team)) {
            throw access.deny(
                    env,
                    "requestAccess",
                    product,
                    caller.name() + " may ask for itself or for a team it belongs" + " to " + caller.teams()
                            + ", not for " + team);
        }
        AccessRequest request = refusedAsDenied(
                env,
                "requestAccess",
                product,
                () -> store.requestAccess(CatalogAccess.viewer(caller), product, team, purpose, until));
        record(env, AuditKind.ACCESS_REQUESTED, request, request.status().name());
        return GovernanceViews.request(request);
    }

    private Map<String, @Nullable Object> decideAccess(DataFetchingEnvironment env) {
        String id = env.getArgument("request");
        boolean approve = Boolean.TRUE.equals(env.getArgument("approve"));
        String note = note(env);
        Caller caller = CatalogAccess.context(env).caller();
        if (!caller.admin() && !caller.roles().contains(Role.DOMAIN_MEMBER)) {
            throw access.deny(
                    env,
                    "decideAccess",
                    id,
                    "members of the product's owning team (role DOMAIN_MEMBER) and " + "admins decide; " + caller.name()
                            + " has neither role");
        }
        AccessRequest decided = refusedAsDenied(
                env,
                "decideAccess",
                id,
                () -> store.decideAccess(
                        decider(caller), id, approve ? AccessDecision.APPROVE : AccessDecision.DENY, note));
        grants.changed();
        try {
            record(env, AuditKind.ACCESS_DECIDED, decided, decided.status().name());
        } catch (IllegalStateException e) {
            if (approve) {
                undo(decided);
            }
            throw e;
        }
        return GovernanceViews.request(decided);
    }

    private Map<String, @Nullable Object> revokeAccess(DataFetchingEnvironment env) {
        String id = env.getArgument("request");
        String note = note(env);
        Caller caller = authenticated(env, "revokeAccess", id);
        AccessRequest revoked =
                refusedAsDenied(env, "revokeAccess", id, () -> store.revokeAccess(decider(caller), id, note));
        grants.changed();
        record(env, AuditKind.ACCESS_DECIDED, revoked, "REVOKED");
        return GovernanceViews.request(revoked);
    }

    private List<Map<String, @Nullable Object>> accessRequests(DataFetchingEnvironment env) {
        String product = env.getArgument("product");
        Caller caller = authenticated(env, "accessRequests", product);
        new ProductId(product);
        if (store.product(Viewer.EVERYTHING, product).isEmpty()) {
            // the same answer requestAccess gives: asking for a product by its id is what requests are for
            throw new java.util.NoSuchElementException("the catalog has no product " + product);
        }
        return GovernanceViews.requests(store.accessRequests(CatalogAccess.viewer(caller), product));
    }

    private List<Map<String, @Nullable Object>> pendingAccessRequests(DataFetchingEnvironment env) {
        Caller caller = authenticated(env, "pendingAccessRequests", "access requests");
        return GovernanceViews.requests(store.pendingAccessRequests(decider(caller)));
    }

    private List<Map<String, @Nullable Object>> myAccessRequests(DataFetchingEnvironment env) {
        Caller caller = authenticated(env, "myAccessRequests", "access requests");
        return GovernanceViews.requests(store.myAccessRequests(CatalogAccess.viewer(caller)));
    }

    private List<Map<String, @Nullable Object>> grants(DataFetchingEnvironment env) {
        Object id = env.getSource() instanceof Map<?, ?> map ? map.get("id") : null;
        return GovernanceViews.requests(store.grants(CatalogAccess.viewer(env), String.valueOf(id)));
    }

    /** The caller, refused unless it authenticated: acts and their lists need someone to answer for them. */
    private Caller authenticated(DataFetchingEnvironment env, String operation, String target) {
        Caller caller = CatalogAccess.context(env).caller();
        if (!caller.authenticated()) {
            throw access.deny(
                    env,
                    operation,
                    target,
                    "authenticate first: access requests are made and decided by "
                            + "someone who answers for them, and anonymous callers cannot");
        }
        return caller;
    }

    /**
     * Whom the store sees deciding: the caller acting for its teams only with the DOMAIN_MEMBER role (or as an admin);
     * otherwise for itself alone, so it may withdraw its own request and decide nothing.
     */
    private static Viewer decider(Caller caller) {
        Viewer viewer = CatalogAccess.viewer(caller);
        return caller.admin() || caller.roles().contains(Role.DOMAIN_MEMBER)
                ? viewer
                : new Viewer(true, false, viewer.subject(), Set.of(), viewer.scopes());
    }

    /** Runs a store act, turning the store's refusals into recorded ones and its state conflicts into CONFLICT. */
    private <T> T refusedAsDenied(DataFetchingEnvironment env, String operation, String target, Supplier<T> act) {
        try {
            return act.get();
        } catch (AccessDeniedException e) {
            throw access.deny(env, operation, target, String.valueOf(e.getMessage()));
        } catch (IllegalStateException e) {
            throw new ConflictException(operation + ": " + e.getMessage(), e);
        }
    }

    /** Appends the act's record and waits until it is durable; throws, naming the act, when it cannot be written. */
    private void record(DataFetchingEnvironment env, AuditKind kind, AccessRequest request, String decision) {
        RequestContext context = CatalogAccess.context(env);
        Map<String, @Nullable Object> details = new LinkedHashMap<>();
        details.put("request", request.id());
        details.put(kind == AuditKind.ACCESS_REQUESTED ? "status" : "decision", decision);
        details.put("requester", request.requester());
        details.put("grantee", request.grantee());
        details.put("purpose", request.purpose());
        details.put("until", request.until().toString());
        details.put("note", request.note().isEmpty() ? null : request.note());
        try {
            audit.append(new AuditEvent(
                            clock.instant(),
                            kind,
                            context.caller().name(),
                            context.source(),
                            request.productId(),
                            AuditEvent.SUCCESS,
                            details))
                    .join();
        } catch (CompletionException e) {
            throw new IllegalStateException(
                    "the audit log cannot record " + kind + " of access request " + request.id() + ": "
                            + (e.getCause() == null ? e : e.getCause()).getMessage(),
                    e);
        }
    }

    /** A grant that is not in the audit log must not work. */
    private void undo(AccessRequest approved) {
        try {
            store.revokeAccess(
                    GATEWAY, approved.id(), "revoked by the gateway: the audit log could not record the approval");
        } finally {
            grants.changed();
        }
        LOG.error(
                "Access request {} was approved but the audit log could not record it; the grant was revoked",
                approved.id());
    }

    private static String note(DataFetchingEnvironment env) {
        String note = env.getArgument("note");
        return note == null ? "" : note;
    }

    /** An ISO-8601 instant, or a date (its start, UTC). */
    private static Instant until(String value) {
        try {
            return value.contains("T")
                    ? Instant.parse(value.strip())
                    : LocalDate.parse(value.strip())
                            .atStartOfDay(ZoneOffset.UTC)
                            .toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("until: \"" + value + "\" is neither an ISO-8601 instant such as "
                    + "2027-06-30T00:00:00Z nor a date such as 2027-06-30");
        }
    }
}
