package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.model.ProductId;
import io.meshcatalog.graph.model.Purpose;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.apache.commons.codec.digest.DigestUtils;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * One-click sharing with approval: access requests and the grants they become, in the graph beside the products they
 * are for ({@code (:AccessRequest)-[:FOR_PRODUCT]->(:DataProduct)}). Each act runs in one transaction that first
 * write-locks the request, then checks who may do it against the state it locked, then records it.
 */
final class AccessGrants {

    private final Driver driver;
    private final CypherLog cypher;
    private final GrantLimits limits;

    AccessGrants(Driver driver, CypherLog cypher, GrantLimits limits) {
        this.driver = driver;
        this.cypher = cypher;
        this.limits = limits;
    }

    AccessRequest request(ViewerParameters as, String productId, @Nullable String team, String purpose, Instant until) {
        Viewer viewer = as.viewer();
        String requester = actor(viewer, "request access");
        new ProductId(productId);
        Purpose label = new Purpose(purpose);
        Instant now = as.now().toInstant();
        if (!until.isAfter(now)) {
            throw new IllegalArgumentException("until must be in the future, got " + until);
        }
        if (until.isAfter(now.plus(limits.horizon()))) {
            throw new IllegalArgumentException("until may be at most "
                    + limits.horizon().toDays() + " days ahead (" + now.plus(limits.horizon()) + "), got " + until);
        }
        if (team != null && !viewer.everything() && !viewer.teams().contains(team)) {
            throw new AccessDeniedException("you may request access for yourself or for a team you act for ("
                    + String.join(", ", viewer.teams().stream().sorted().toList()) + "), not for " + team);
        }
        try (Session session = CausalSessions.open(driver)) {
            return session.executeWrite(tx -> {
                List<Record> target = cypher.run(tx, "access-target", Map.of("productId", productId));
                if (target.isEmpty()) {
                    throw new UnknownNodeException(NodeRef.product(productId));
                }
                String owner = target.get(0).get("owner").asString("");
                if (owner.equals(team) || (team == null && viewer.teams().contains(owner))) {
                    throw new IllegalArgumentException(owner + " owns " + productId
                            + " and sees it already; a request is for another team or person");
                }
                Map<String, Object> parameters = as.with(
                        "key",
                        pendingKey(productId, requester, team, label),
                        "id",
                        UUID.randomUUID().toString(),
                        "productId",
                        productId,
                        "requester",
                        requester,
                        "purpose",
                        label.value(),
                        "until",
                        OffsetDateTime.ofInstant(until, ZoneOffset.UTC));
                parameters.put("team", team);
                return request(cypher.single(tx, "request-access", parameters).get("request"));
            });
        }
    }

    AccessRequest decide(ViewerParameters as, String requestId, AccessDecision decision, String note) {
        AccessStatus outcome = decision == AccessDecision.APPROVE ? AccessStatus.APPROVED : AccessStatus.DENIED;
        return settle(as, requestId, outcome, note, (locked) -> {
            if (!as.viewer().everything() && !as.viewer().teams().contains(locked.owner())) {
                throw new AccessDeniedException("only " + locked.owner() + ", the team that owns "
                        + locked.request().productId() + ", or an admin decides its access requests");
            }
            switch (locked.request().status()) {
                case PENDING -> {
                    return true;
                }
                case EXPIRED ->
                    throw new IllegalStateException("access request " + requestId + " asked for access " + "until "
                            + locked.request().until() + ", which has passed; it needs a new request");
                default -> {
                    if (locked.request().status() == outcome) {
                        return false;
                    }
                    throw new IllegalStateException("access request " + requestId + " is already "
                            + locked.request().status() + describeDecision(locked.request()));
                }
            }
        });
    }

    AccessRequest revoke(ViewerParameters as, String requestId, String note) {
        return settle(as, requestId, AccessStatus.REVOKED, note, (locked) -> {
            AccessRequest request = locked.request();
            if (!as.viewer().everything()
                    && !as.viewer().teams().contains(locked.owner())
                    && !request.requester().equals(as.viewer().subject())) {
                throw new AccessDeniedException("only " + request.requester() + ", who asked, " + locked.owner()
                        + ", the team that owns " + request.productId() + ", or an admin revokes this access");
            }
            return switch (request.status()) {
                case PENDING, APPROVED, EXPIRED -> true;
                case REVOKED -> false;
                case DENIED ->
                    throw new IllegalStateException("access request " + requestId + " was denied"
                            + describeDecision(request) + "; there is nothing to revoke");
            };
        });
    }

    List<AccessRequest> ofProduct(ViewerParameters as, String productId) {
        return list("access-requests-of-product", as.with("productId", productId, "limit", limits.maxListed()));
    }

    List<AccessRequest> pending(ViewerParameters as) {
        return list("pending-access-requests", as.with("limit", limits.maxListed()));
    }

    List<AccessRequest> mine(ViewerParameters as) {
        return list("my-access-requests", as.with("limit", limits.maxListed()));
    }

    List<AccessRequest> grants(ViewerParameters as, String productId) {
        return list("grants-of-product", as.with("productId", productId, "limit", limits.maxListed()));
    }

    Set<String> grantedProducts(ViewerParameters as) {
        Set<String> products = new LinkedHashSet<>();
        cypher.read(driver, "granted-products", as.with("limit", limits.maxListed()))
                .records()
                .forEach(row -> products.add(row.get("product").asString()));
        return products;
    }

    /** A request locked in the current transaction, with the team that owns its product. */
    private record Locked(AccessRequest request, String owner) {}

    /**
     * Locks the request, lets {@code check} refuse (by throwing) or say whether anything is to change, and records
     * {@code outcome} if so; answers the request as it then stands.
     */
    private AccessRequest settle(
            ViewerParameters as, String requestId, AccessStatus outcome, String note, Function<Locked, Boolean> check) {
        String actor = actor(as.viewer(), outcome == AccessStatus.REVOKED ? "revoke access" : "decide access");
        if (note.length() > limits.maxNoteLength()) {
            throw new IllegalArgumentException(
                    "a note may be at most " + limits.maxNoteLength() + " characters, got " + note.length());
        }
        try (Session session = CausalSessions.open(driver)) {
            return session.executeWrite(tx -> {
                Locked locked = lock(tx, as, requestId);
                if (!check.apply(locked)) {
                    return locked.request();
                }
                AccessRequest settled = request(cypher.single(
                                tx,
                                "settle-access-request",
                                as.with("id", requestId, "status", outcome.name(), "by", actor, "note", note))
                        .get("request"));
                if (outcome != AccessStatus.DENIED) {
                    CatalogChanges.changed(cypher, tx, CatalogChanges.Scope.GRANTS, as.now()); // granted or revoked
                }
                return settled;
            });
        }
    }

    private Locked lock(TransactionContext tx, ViewerParameters as, String requestId) {
        List<Record> rows = cypher.run(tx, "lock-access-request", as.with("id", requestId));
        if (rows.isEmpty()) {
            throw new UnknownAccessRequestException(requestId);
        }
        return new Locked(
                request(rows.get(0).get("request")), rows.get(0).get("owner").asString(""));
    }

    private List<AccessRequest> list(String statement, Map<String, Object> parameters) {
        return cypher.read(driver, statement, parameters).records().stream()
                .map(row -> request(row.get("request")))
                .toList();
    }

    /** Who answers for an act: an authenticated viewer with a subject. */
    private static String actor(Viewer viewer, String act) {
        if (!viewer.authenticated() || viewer.subject().isBlank()) {
            throw new AccessDeniedException("to " + act + ", authenticate: an act needs someone to answer for it");
        }
        return viewer.subject();
    }

    private static String describeDecision(AccessRequest request) {
        return request.decidedBy() == null ? "" : " (by " + request.decidedBy() + " at " + request.decidedAt() + ")";
    }

    /** Requests that would be the same request (a retry) share this key while pending. */
    private static String pendingKey(String productId, String requester, @Nullable String team, Purpose purpose) {
        String joined = String.join("\u0000", productId, requester, team == null ? "" : team, purpose.value());
        return DigestUtils.sha256Hex(joined);
    }

    private static AccessRequest request(Value r) {
        return new AccessRequest(
                r.get("id").asString(),
                r.get("product").asString(),
                r.get("requester").asString(),
                r.get("team").isNull() ? null : r.get("team").asString(),
                r.get("purpose").asString(),
                r.get("until").asOffsetDateTime().toInstant(),
                AccessStatus.valueOf(r.get("status").asString()),
                r.get("requestedAt").asOffsetDateTime().toInstant(),
                r.get("decidedBy").isNull() ? null : r.get("decidedBy").asString(),
                instant(r.get("decidedAt")),
                r.get("revokedBy").isNull() ? null : r.get("revokedBy").asString(),
                instant(r.get("revokedAt")),
                r.get("note").asString(""));
    }

    private static @Nullable Instant instant(Value value) {
        return value.isNull() ? null : value.asOffsetDateTime().toInstant();
    }
}
