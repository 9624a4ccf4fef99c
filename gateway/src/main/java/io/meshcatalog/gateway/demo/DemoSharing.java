package io.meshcatalog.gateway.demo;

import io.meshcatalog.gateway.execution.RequestContext;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's sharing story, told through the GraphQL API by its personas at start: the marketing engineer asks the
 * CRM team for access to {@code customers.contacts} for growth-team's {@code advertising-audiences}, and the CRM
 * engineer approves. Then {@code governanceFindings} shows the Facebook audience compliant and the Google audience
 * (used for {@code search-advertising}) flagged. Nothing is done when the grant is already in force, so restarts
 * leave one grant; a failure is logged and the demo goes on without it.
 */
final class DemoSharing {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSharing.class);

    /** The personas' key ids (demo/personas.properties). */
    static final String MARKETING_ENGINEER = "demomarket";

    static final String CRM_ENGINEER = "democrmeng";

    static final String PRODUCT = "customers.contacts";
    static final String TEAM = "growth-team";
    static final String PURPOSE = "advertising-audiences";
    /** How long the demo's grant runs from the day it is made. */
    static final Duration LIFETIME = Duration.ofDays(180);

    private static final String MINE = "{ myAccessRequests { id productId team purpose status } }";
    private static final String REQUEST = "mutation($until: String!) { requestAccess(product: \"" + PRODUCT
            + "\", purpose: \"" + PURPOSE + "\", until: $until, forTeam: \"" + TEAM + "\") { id status } }";
    private static final String APPROVE = "mutation($id: ID!) { decideAccess(request: $id, approve: true, note: "
            + "\"contacts with marketing consent only\") { id status } }";

    private final DemoCalls calls;
    private final Clock clock;

    DemoSharing(DemoCalls calls, Clock clock) {
        this.calls = calls;
        this.clock = clock;
    }

    /** Makes the demo's grant unless it is in force; says in the log what it did. */
    void tell() {
        try {
            RequestContext marketing = calls.as(MARKETING_ENGINEER);
            RequestContext crm = calls.as(CRM_ENGINEER);
            if (granted(marketing)) {
                LOG.info("Demo: {} already holds a grant on {} for {}", TEAM, PRODUCT, PURPOSE);
                return;
            }
            String until = LocalDate.ofInstant(clock.instant().plus(LIFETIME), ZoneOffset.UTC)
                    .toString();
            Map<String, Object> requested =
                    DemoCalls.data(calls.run(marketing, REQUEST, Map.of("until", until)), "requestAccess");
            Map<String, Object> approved =
                    DemoCalls.data(calls.run(crm, APPROVE, Map.of("id", requested.get("id"))), "decideAccess");
            LOG.info(
                    "Demo: marketing-engineer asked for {} for {} ({}), crm-engineer approved: access request {} is {}",
                    PRODUCT,
                    TEAM,
                    PURPOSE,
                    approved.get("id"),
                    approved.get("status"));
        } catch (RuntimeException e) {
            LOG.warn(
                    "Demo: the sharing story was not told, governanceFindings flags both audiences: {}",
                    e.getMessage());
        }
    }

    private boolean granted(RequestContext marketing) {
        Map<String, Object> answer = calls.run(marketing, MINE, Map.of());
        Object mine = answer.get("data") instanceof Map<?, ?> data ? data.get("myAccessRequests") : null;
        return mine instanceof List<?> requests
                && requests.stream()
                        .anyMatch(request -> request instanceof Map<?, ?> r
                                && PRODUCT.equals(r.get("productId"))
                                && TEAM.equals(r.get("team"))
                                && PURPOSE.equals(r.get("purpose"))
                                && "APPROVED".equals(r.get("status")));
    }
}
