package io.meshcatalog.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.embedded.Neo4jIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/**
 * The governance check on the demo mesh: CRM e-mails (personal data of the crm-team's private customers.contacts)
 * reach Facebook Ads and Google Ads through marketing's hashed audience. Once the crm-team grants the growth team
 * access for the Facebook audience's purpose, that flow is compliant and the Google one is still flagged.
 */
@Neo4jIntegrationTest
class GovernanceFindingsIT {

    private static final Viewer ADMIN = new Viewer(true, true, "root", Set.of());
    private static final Viewer MIA = Viewer.of("mia.novak", Set.of("crm-team"));
    private static final Viewer LEA = Viewer.of("lea.fischer", Set.of("growth-team"));
    private static final String FACEBOOK = "marketing.facebook_ads_audience";
    private static final String GOOGLE = "marketing.google_ads_audience";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final LineageStore store;

    GovernanceFindingsIT(Driver driver) {
        this.store = new LineageStore(driver, TraversalLimits.DEFAULT, clock);
    }

    @BeforeEach
    void loadTheDemoMesh() {
        store.initSchema();
        Fixtures.demo().forEach(store::upsert);
    }

    @Test
    void withoutAGrantBothAdAudiencesAreFlaggedWithTheirPathAndTheTeamsToTell() {
        GovernanceReport report = store.governanceFindings(ADMIN);

        assertThat(report.truncated()).isFalse();
        assertThat(report.findings())
                .extracting(
                        GovernanceFinding::consumer,
                        GovernanceFinding::piiField,
                        GovernanceFinding::product,
                        GovernanceFinding::compliant)
                .containsExactly(
                        tuple(FACEBOOK, "customers.contacts.email", "customers.contacts", false),
                        tuple(GOOGLE, "customers.contacts.email", "customers.contacts", false));
        GovernanceFinding facebook = report.findings().get(0);
        assertThat(facebook.path())
                .containsExactly(
                        "customers.contacts.email",
                        "marketing.lead_audience.hashed_email",
                        "marketing.lead_audience",
                        FACEBOOK);
        assertThat(facebook.consumerTeam()).isEqualTo("growth-team");
        assertThat(facebook.productTeam()).isEqualTo("crm-team");
        assertThat(facebook.purpose()).isEqualTo("advertising-audiences");
        assertThat(facebook.destination()).isEqualTo("Facebook Ads custom audiences");
        assertThat(facebook.teamsToTell()).containsExactly("growth-team", "crm-team");
    }

    @Test
    void aGrantForTheFacebookAudiencesPurposeMakesThatFlowCompliantAndLeavesGoogleFlagged() {
        AccessRequest request = store.requestAccess(
                LEA,
                "customers.contacts",
                "growth-team",
                "advertising-audiences",
                clock.instant().plus(Duration.ofDays(180)));
        store.decideAccess(MIA, request.id(), AccessDecision.APPROVE, "consenting contacts only");

        GovernanceReport report = store.governanceFindings(ADMIN);

        assertThat(report.findings())
                .extracting(GovernanceFinding::consumer, GovernanceFinding::compliant, GovernanceFinding::grant)
                .containsExactly(tuple(FACEBOOK, true, request.id()), tuple(GOOGLE, false, null));
        assertThat(report.flagged())
                .extracting(GovernanceFinding::consumer, GovernanceFinding::purpose)
                .containsExactly(tuple(GOOGLE, "search-advertising"));

        clock.advance(Duration.ofDays(181));
        assertThat(store.governanceFindings(ADMIN).flagged())
                .extracting(GovernanceFinding::consumer)
                .containsExactly(FACEBOOK, GOOGLE);
    }

    @Test
    void aGrantToAnotherTeamOrForAnotherPurposeCoversNothing() {
        AccessRequest otherPurpose = store.requestAccess(
                LEA,
                "customers.contacts",
                "growth-team",
                "churn-model",
                clock.instant().plus(Duration.ofDays(30)));
        store.decideAccess(MIA, otherPurpose.id(), AccessDecision.APPROVE, "");
        AccessRequest personal = store.requestAccess(
                LEA,
                "customers.contacts",
                null,
                "advertising-audiences",
                clock.instant().plus(Duration.ofDays(30)));
        store.decideAccess(MIA, personal.id(), AccessDecision.APPROVE, "");

        assertThat(store.governanceFindings(ADMIN).flagged()).hasSize(2);
    }

    @Test
    void othersSeeTheFlowsWhoseEndsTheyMaySee() {
        assertThat(store.governanceFindings(MIA).findings()).hasSize(2);
        assertThat(store.governanceFindings(LEA).findings()).isEmpty();
        assertThat(store.governanceFindings(Viewer.PUBLIC).findings()).isEmpty();

        AccessRequest request = store.requestAccess(
                LEA,
                "customers.contacts",
                "growth-team",
                "advertising-audiences",
                clock.instant().plus(Duration.ofDays(30)));
        store.decideAccess(MIA, request.id(), AccessDecision.APPROVE, "");

        assertThat(store.governanceFindings(LEA).findings())
                .extracting(GovernanceFinding::consumer)
                .containsExactly(FACEBOOK, GOOGLE);
    }

    @Test
    void flowsInsideOneTeamAreNotFindings() {
        List<GovernanceFinding> findings = store.governanceFindings(ADMIN).findings();

        assertThat(findings)
                .extracting(GovernanceFinding::piiField)
                .doesNotContain("marketing.lead_audience.hashed_email", "customers.contacts.full_name");
    }
}
