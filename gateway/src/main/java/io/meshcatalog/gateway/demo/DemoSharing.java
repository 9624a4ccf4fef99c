package io.meshcatalog.gateway.demo;

import io.meshcatalog.gateway.execution.Caller;
import io.meshcatalog.gateway.execution.Gateway;
import io.meshcatalog.gateway.execution.GatewayRequest;
import io.meshcatalog.gateway.execution.RequestContext;
import io.meshcatalog.gateway.security.ApiKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
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

  private final Gateway gateway;
  private final ApiKeys keys;
  private final Clock clock;

  DemoSharing(Gateway gateway, ApiKeys keys, Clock clock) {
    this.gateway = gateway;
    this.keys = keys;
    this.clock = clock;
  }

  /** Makes the demo's grant unless it is in force; says in the log what it did. */
  void tell() {
    try {
      RequestContext marketing = as(MARKETING_ENGINEER);
      RequestContext crm = as(CRM_ENGINEER);
      if (granted(marketing)) {
        LOG.info("Demo: {} already holds a grant on {} for {}", TEAM, PRODUCT, PURPOSE);
        return;
      }
      String until = LocalDate.ofInstant(clock.instant().plus(LIFETIME), ZoneOffset.UTC).toString();
      Map<String, Object> requested = data(run(marketing, REQUEST, Map.of("until", until)), "requestAccess");
      Map<String, Object> approved = data(run(crm, APPROVE, Map.of("id", requested.get("id"))), "decideAccess");
      LOG.info("Demo: marketing-engineer asked for {} for {} ({}), crm-engineer approved: access request {} is {}",
          PRODUCT, TEAM, PURPOSE, approved.get("id"), approved.get("status"));
    } catch (RuntimeException e) {
      LOG.warn("Demo: the sharing story was not told, governanceFindings flags both audiences: {}", e.getMessage());
    }
  }

  private boolean granted(RequestContext marketing) {
    Map<String, Object> answer = run(marketing, MINE, Map.of());
    Object mine = answer.get("data") instanceof Map<?, ?> data ? data.get("myAccessRequests") : null;
    return mine instanceof List<?> requests && requests.stream().anyMatch(request -> request instanceof Map<?, ?> r
        && PRODUCT.equals(r.get("productId")) && TEAM.equals(r.get("team")) && PURPOSE.equals(r.get("purpose"))
        && "APPROVED".equals(r.get("status")));
  }

  private RequestContext as(String keyId) {
    Caller persona = keys.caller(keyId).orElseThrow(() -> new IllegalStateException("the demo persona key "
        + keyId + " is not configured"));
    // the gateway's own call on the persona's behalf: no client address
    return new RequestContext(persona, Map.of(), "");
  }

  private Map<String, Object> run(RequestContext context, String query, Map<String, @Nullable Object> variables) {
    try {
      return gateway.execute(new GatewayRequest(query, null, variables, context, false, true))
          .get(30, TimeUnit.SECONDS).body();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(e.getCause() == null ? e.toString() : e.getCause().toString(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> data(Map<String, Object> answer, String field) {
    if (answer.get("errors") != null || !(answer.get("data") instanceof Map<?, ?> data)
        || !(data.get(field) instanceof Map<?, ?> value)) {
      throw new IllegalStateException(field + " answered " + answer);
    }
    return (Map<String, Object>) value;
  }
}
