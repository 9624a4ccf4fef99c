package io.meshcatalog.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.meshcatalog.gateway.execution.Caller;
import io.meshcatalog.gateway.execution.CallerHeaders;
import io.meshcatalog.gateway.execution.RequestContext;
import io.meshcatalog.graph.access.CallerAssertion;
import io.meshcatalog.graph.access.CallerClaims;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The {@code mesh-caller} header of every HTTP subgraph fetch: a {@link CallerAssertion} the gateway signs for the
 * fetch's caller (never the client's own header, which is not forwarded). Signing costs an HMAC and a JSON
 * document per fetch, so an assertion is reused for the same claims for {@link #REUSE} (it stays valid for at
 * least a minute and a half more); nothing in it is specific to one request.
 */
final class AssertedCaller implements CallerHeaders {

    static final Duration REUSE = Duration.ofSeconds(30);

    private final CallerAssertion assertion;
    private final GrantLookup grants;
    private final Clock clock;
    private final Cache<CallerClaims, Map<String, String>> signed;

    AssertedCaller(CallerAssertion assertion, GrantLookup grants, Clock clock) {
        this.assertion = assertion;
        this.grants = grants;
        this.clock = clock;
        this.signed = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(REUSE)
                .build();
    }

    @Override
    public Map<String, String> headersFor(RequestContext context) {
        CallerClaims claims = claims(context.caller());
        return signed.get(claims, c -> Map.of(CallerAssertion.HEADER, assertion.sign(c, clock.instant())));
    }

    /** What a subgraph is told about {@code caller}: who, whether it sees everything, its teams, scopes and grants. */
    CallerClaims claims(Caller caller) {
        if (!caller.authenticated()) {
            return CallerClaims.ANONYMOUS;
        }
        return new CallerClaims(
                caller.subject(),
                true,
                caller.admin(),
                caller.teams(),
                caller.scopes(),
                grants.grantedProducts(caller));
    }
}
