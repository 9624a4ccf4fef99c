package io.meshcatalog.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.embedded.Neo4jIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/**
 * One-click sharing with approval: a request, the owning team's decision, the grant in force until its date, its
 * revocation, and everything refused on the way, with the reason.
 */
@Neo4jIntegrationTest
class AccessGrantsIT {

    private static final Viewer OLGA = Viewer.of("olga", Set.of("ads-team"));
    private static final Viewer CARL = Viewer.of("carl", Set.of("crm-team"));
    private static final Viewer SUE = Viewer.of("sue", Set.of("shop-team"));
    private static final Viewer ADMIN = new Viewer(true, true, "root", Set.of());

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final Driver driver;
    private final LineageStore store;

    AccessGrantsIT(Driver driver) {
        this.driver = driver;
        this.store = new LineageStore(
                driver,
                TraversalLimits.DEFAULT,
                clock,
                LineageStore.Procedures.USE_WHEN_PRESENT,
                new GrantLimits(Duration.ofDays(90), 200, 500));
    }

    @BeforeEach
    void loadFixture() {
        store.initSchema();
        Fixtures.visibility().forEach(store::upsert);
    }

    @Test
    void aRequestApprovedByTheOwningTeamIsAGrantWithWhoWhyWhenAndUntil() {
        Instant until = clock.instant().plus(Duration.ofDays(30));
        AccessRequest request = store.requestAccess(OLGA, "crm.contacts", "ads-team", "advertising-audiences", until);

        assertThat(request.status()).isEqualTo(AccessStatus.PENDING);
        assertThat(store.pendingAccessRequests(CARL))
                .extracting(AccessRequest::id)
                .containsExactly(request.id());
        assertThat(store.pendingAccessRequests(OLGA)).isEmpty();
        assertThat(store.grants(CARL, "crm.contacts")).isEmpty();

        clock.advance(Duration.ofHours(2));
        AccessRequest grant = store.decideAccess(CARL, request.id(), AccessDecision.APPROVE, "spring campaign");

        assertThat(grant)
                .extracting(
                        AccessRequest::status,
                        AccessRequest::requester,
                        AccessRequest::grantee,
                        AccessRequest::purpose,
                        AccessRequest::until,
                        AccessRequest::requestedAt,
                        AccessRequest::decidedBy,
                        AccessRequest::decidedAt,
                        AccessRequest::note)
                .containsExactly(
                        AccessStatus.APPROVED,
                        "olga",
                        "ads-team",
                        "advertising-audiences",
                        until,
                        Instant.parse("2026-12-01T09:00:00Z"),
                        "carl",
                        Instant.parse("2026-12-01T11:00:00Z"),
                        "spring campaign");
        assertThat(store.grants(CARL, "crm.contacts")).containsExactly(grant);
        assertThat(store.grants(OLGA, "crm.contacts")).containsExactly(grant);
        assertThat(store.grants(SUE, "crm.contacts")).isEmpty();
        assertThat(store.grantedProducts(OLGA)).containsExactly("crm.contacts");
        assertThat(store.grantedProducts(SUE)).isEmpty();
        assertThat(store.pendingAccessRequests(CARL)).isEmpty();
    }

    @Test
    void aRetriedRequestAnswersThePendingOneInsteadOfMakingASecond() {
        Instant until = clock.instant().plus(Duration.ofDays(30));
        AccessRequest first = store.requestAccess(OLGA, "crm.contacts", "ads-team", "advertising-audiences", until);
        AccessRequest retry = store.requestAccess(OLGA, "crm.contacts", "ads-team", "advertising-audiences", until);
        AccessRequest otherPurpose = store.requestAccess(OLGA, "crm.contacts", "ads-team", "churn-model", until);

        assertThat(retry).isEqualTo(first);
        assertThat(otherPurpose.id()).isNotEqualTo(first.id());
        assertThat(store.accessRequests(CARL, "crm.contacts")).hasSize(2);
        assertThat(count()).isEqualTo(2);

        store.decideAccess(CARL, first.id(), AccessDecision.DENY, "no lawful basis");
        AccessRequest askedAgain =
                store.requestAccess(OLGA, "crm.contacts", "ads-team", "advertising-audiences", until);
        assertThat(askedAgain.id()).isNotEqualTo(first.id());
        assertThat(askedAgain.status()).isEqualTo(AccessStatus.PENDING);
    }

    @Test
    void aGrantExpiresOnItsOwnAndCanBeRevokedBeforeThat() {
        AccessRequest request = store.requestAccess(
                OLGA,
                "crm.contacts",
                "ads-team",
                "advertising-audiences",
                clock.instant().plus(Duration.ofDays(10)));
        store.decideAccess(CARL, request.id(), AccessDecision.APPROVE, "");

        clock.advance(Duration.ofDays(10));
        assertThat(store.accessRequests(OLGA, "crm.contacts"))
                .extracting(AccessRequest::status)
                .containsExactly(AccessStatus.EXPIRED);
        assertThat(store.grantedProducts(OLGA)).isEmpty();
        assertThat(store.grants(CARL, "crm.contacts")).isEmpty();

        AccessRequest renewed = store.requestAccess(
                OLGA,
                "crm.contacts",
                "ads-team",
                "advertising-audiences",
                clock.instant().plus(Duration.ofDays(10)));
        store.decideAccess(CARL, renewed.id(), AccessDecision.APPROVE, "");
        AccessRequest revoked = store.revokeAccess(CARL, renewed.id(), "campaign cancelled");

        assertThat(revoked.status()).isEqualTo(AccessStatus.REVOKED);
        assertThat(revoked.revokedBy()).isEqualTo("carl");
        assertThat(revoked.decidedBy()).isEqualTo("carl");
        assertThat(store.grantedProducts(OLGA)).isEmpty();
        assertThat(store.product(OLGA, "crm.contacts")).isEmpty();
        assertThat(store.revokeAccess(CARL, renewed.id(), "again")).isEqualTo(revoked);
    }

    @Test
    void theRequesterMayWithdrawAndOnlyTheOwningTeamOrAnAdminDecides() {
        AccessRequest request = store.requestAccess(
                OLGA,
                "crm.contacts",
                "ads-team",
                "advertising-audiences",
                clock.instant().plus(Duration.ofDays(10)));

        assertThatThrownBy(() -> store.decideAccess(OLGA, request.id(), AccessDecision.APPROVE, ""))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("only crm-team, the team that owns crm.contacts, or an admin decides its access requests");
        assertThatThrownBy(() -> store.revokeAccess(SUE, request.id(), ""))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("only olga, who asked");
        assertThat(store.decideAccess(ADMIN, request.id(), AccessDecision.DENY, "")
                        .decidedBy())
                .isEqualTo("root");

        AccessRequest second = store.requestAccess(
                OLGA, "crm.contacts", null, "audit", clock.instant().plus(Duration.ofDays(10)));
        assertThat(store.revokeAccess(OLGA, second.id(), "not needed").status()).isEqualTo(AccessStatus.REVOKED);
    }

    @Test
    void aDecisionStandsUnlessRepeatedTheSameWay() {
        AccessRequest request = store.requestAccess(
                OLGA,
                "crm.contacts",
                "ads-team",
                "advertising-audiences",
                clock.instant().plus(Duration.ofDays(10)));
        AccessRequest denied = store.decideAccess(CARL, request.id(), AccessDecision.DENY, "no");

        assertThat(store.decideAccess(CARL, request.id(), AccessDecision.DENY, "no"))
                .isEqualTo(denied);
        assertThatThrownBy(() -> store.decideAccess(CARL, request.id(), AccessDecision.APPROVE, ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is already DENIED (by carl at");
        assertThatThrownBy(() -> store.revokeAccess(CARL, request.id(), ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("there is nothing to revoke");
    }

    @Test
    void aRequestWhoseDateHasPassedCannotBeApprovedAndAskingAgainMakesANewOne() {
        AccessRequest request = store.requestAccess(
                OLGA,
                "crm.contacts",
                "ads-team",
                "advertising-audiences",
                clock.instant().plus(Duration.ofDays(1)));
        clock.advance(Duration.ofDays(2));

        assertThatThrownBy(() -> store.decideAccess(CARL, request.id(), AccessDecision.APPROVE, ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("which has passed");
        assertThat(store.pendingAccessRequests(CARL)).isEmpty();
        AccessRequest again = store.requestAccess(
                OLGA,
                "crm.contacts",
                "ads-team",
                "advertising-audiences",
                clock.instant().plus(Duration.ofDays(1)));
        assertThat(again.id()).isNotEqualTo(request.id());
        assertThat(store.pendingAccessRequests(CARL)).containsExactly(again);
    }

    @Test
    void requestsOutsideTheBoundsAreRefusedWithTheReasonAndNothingIsWritten() {
        Instant soon = clock.instant().plus(Duration.ofDays(1));
        assertThatThrownBy(() -> store.requestAccess(Viewer.PUBLIC, "crm.contacts", null, "audit", soon))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("authenticate");
        assertThatThrownBy(() -> store.requestAccess(OLGA, "crm.contacts", "crm-team", "audit", soon))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("not for crm-team");
        assertThatThrownBy(() -> store.requestAccess(OLGA, "crm.contacts", "ads-team", "Advertising Audiences!", soon))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid purpose");
        assertThatThrownBy(() -> store.requestAccess(OLGA, "crm.contacts", "ads-team", "x".repeat(65), soon))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 64 characters");
        assertThatThrownBy(() -> store.requestAccess(
                        OLGA,
                        "crm.contacts",
                        "ads-team",
                        "audit",
                        clock.instant().minusSeconds(1)))
                .hasMessageContaining("until must be in the future");
        assertThatThrownBy(() -> store.requestAccess(
                        OLGA,
                        "crm.contacts",
                        "ads-team",
                        "audit",
                        clock.instant().plus(Duration.ofDays(91))))
                .hasMessageContaining("at most 90 days ahead");
        assertThatThrownBy(() -> store.requestAccess(OLGA, "crm.nothing", "ads-team", "audit", soon))
                .isInstanceOf(UnknownNodeException.class)
                .hasMessage("the catalog has no product crm.nothing");
        assertThatThrownBy(() -> store.requestAccess(CARL, "crm.contacts", "crm-team", "audit", soon))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("crm-team owns crm.contacts");
        assertThatThrownBy(() -> store.decideAccess(CARL, "no-such-request", AccessDecision.APPROVE, ""))
                .isInstanceOf(UnknownAccessRequestException.class);
        AccessRequest request = store.requestAccess(OLGA, "crm.contacts", "ads-team", "audit", soon);
        assertThatThrownBy(() -> store.decideAccess(CARL, request.id(), AccessDecision.APPROVE, "n".repeat(201)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 200 characters");
        assertThat(count()).isEqualTo(1);
        assertThat(store.accessRequests(CARL, "crm.contacts"))
                .extracting(AccessRequest::status)
                .containsExactly(AccessStatus.PENDING);
    }

    @Test
    void requestsOnAProductAreShownToItsTeamAndToWhoeverTheyConcern() {
        Instant until = clock.instant().plus(Duration.ofDays(10));
        store.requestAccess(OLGA, "crm.contacts", "ads-team", "advertising-audiences", until);
        store.requestAccess(SUE, "crm.contacts", "shop-team", "order-support", until);

        assertThat(store.accessRequests(CARL, "crm.contacts"))
                .extracting(AccessRequest::requester)
                .containsExactlyInAnyOrder("olga", "sue");
        assertThat(store.accessRequests(Viewer.of("otto", Set.of("ads-team")), "crm.contacts"))
                .extracting(AccessRequest::requester)
                .containsExactly("olga");
        assertThat(store.accessRequests(Viewer.of("nobody", Set.of()), "crm.contacts"))
                .isEmpty();
        assertThat(store.pendingAccessRequests(ADMIN)).hasSize(2);
        assertThat(store.pendingAccessRequests(SUE)).isEmpty();
    }

    @Test
    void eachRequesterListsItsOwnRequestsNewestFirstWhateverTheirProductsVisibility() {
        Instant until = clock.instant().plus(Duration.ofDays(10));
        AccessRequest first = store.requestAccess(OLGA, "crm.contacts", "ads-team", "advertising-audiences", until);
        clock.advance(Duration.ofMinutes(5));
        AccessRequest second = store.requestAccess(OLGA, "crm.contacts", null, "audit", until);
        store.requestAccess(SUE, "crm.contacts", "shop-team", "order-support", until);
        store.decideAccess(CARL, first.id(), AccessDecision.DENY, "no lawful basis");

        assertThat(store.product(OLGA, "crm.contacts")).isEmpty();
        assertThat(store.myAccessRequests(OLGA))
                .extracting(AccessRequest::id, AccessRequest::status)
                .containsExactly(
                        Tuple.tuple(second.id(), AccessStatus.PENDING), Tuple.tuple(first.id(), AccessStatus.DENIED));
        assertThat(store.myAccessRequests(Viewer.of("otto", Set.of("ads-team"))))
                .isEmpty();
        assertThat(store.myAccessRequests(Viewer.PUBLIC)).isEmpty();
        assertThat(store.myAccessRequests(ADMIN)).isEmpty();
    }

    private long count() {
        return driver.executableQuery("MATCH (r:AccessRequest) RETURN count(r) AS n")
                .execute()
                .records()
                .get(0)
                .get("n")
                .asLong();
    }
}
