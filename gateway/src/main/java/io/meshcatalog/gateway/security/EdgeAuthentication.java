package io.meshcatalog.gateway.security;

import io.meshcatalog.gateway.audit.AuditEvent;
import io.meshcatalog.gateway.audit.AuditKind;
import io.meshcatalog.gateway.execution.Caller;
import io.meshcatalog.gateway.http.EdgeCheck;
import io.meshcatalog.gateway.http.HttpAnswer;
import io.meshcatalog.gateway.http.HttpCall;
import io.meshcatalog.gateway.http.HttpRoute;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who is asking, decided once per call at the edge: the API key or bearer token in the headers becomes the call's
 * {@link Caller}, and the route's access level is enforced. A credential that is present but unknown, revoked,
 * expired or invalid is always refused with 401 (never treated as anonymous), and so is a call without one where
 * one is needed; a credential in the query string is refused with 400. Every refusal is recorded in the audit log
 * without the call waiting for it.
 */
public final class EdgeAuthentication implements EdgeCheck {

    /** The schemes a client may answer a 401 with. */
    static final String CHALLENGE = "ApiKey realm=\"mesh-catalog\", Bearer realm=\"mesh-catalog\"";

    private final boolean anonymousPublic;
    private final ApiKeys keys;
    private final @Nullable BearerTokens tokens;
    private final RefusalLog refusals;
    private final JsonMapper json;

    EdgeAuthentication(
            boolean anonymousPublic,
            ApiKeys keys,
            @Nullable BearerTokens tokens,
            RefusalLog refusals,
            JsonMapper json) {
        this.anonymousPublic = anonymousPublic;
        this.keys = keys;
        this.tokens = tokens;
        this.refusals = refusals;
        this.json = json;
    }

    @Override
    public CompletableFuture<Admission> admit(HttpRoute route, HttpCall call) {
        String parameter = PresentedCredential.inQueryString(call);
        if (parameter != null) {
            String why =
                    "credentials are not accepted in the query string (" + parameter + "): URLs end up in logs and "
                            + "browser history; send the key or token in the Authorization or X-Api-Key header";
            refusals.record(
                    AuditKind.AUTHENTICATION_FAILED, "unknown", call.source(), call.path(), AuditEvent.FAILURE, why);
            return EdgeCheck.refused(HttpAnswer.error(400, why, json));
        }
        // on public routes too: a credential that is present is checked, and a bad one refused, wherever it is sent
        PresentedCredential credential = PresentedCredential.of(call);
        if (credential instanceof PresentedCredential.None) {
            return CompletableFuture.completedFuture(authorize(route, call));
        }
        if (credential instanceof PresentedCredential.ApiKey key) {
            return CompletableFuture.completedFuture(resolved(route, call, keys.check(key.key()), false));
        }
        if (credential instanceof PresentedCredential.Bearer bearer) {
            if (tokens == null) {
                return CompletableFuture.completedFuture(rejected(
                        call,
                        new Verdict.Rejected(
                                "bearer tokens are not "
                                        + "accepted by this gateway (security.jwt is not configured); use an API key",
                                null),
                        true));
            }
            return tokens.check(bearer.token())
                    .handle((verdict, failure) ->
                            failure == null ? resolved(route, call, verdict, true) : busy(call, failure));
        }
        return CompletableFuture.completedFuture(
                rejected(call, new Verdict.Rejected(((PresentedCredential.Unusable) credential).why(), null), false));
    }

    private Admission resolved(HttpRoute route, HttpCall call, Verdict verdict, boolean bearer) {
        if (verdict instanceof Verdict.Accepted accepted) {
            return authorize(route, call.withCaller(accepted.caller()));
        }
        return rejected(call, (Verdict.Rejected) verdict, bearer);
    }

    private Admission authorize(HttpRoute route, HttpCall call) {
        RouteAccess.Denial denial = RouteAccess.decide(route.access(), call.caller(), anonymousPublic, call.path());
        if (denial == null) {
            return new Admitted(call);
        }
        HttpAnswer answer = HttpAnswer.error(denial.status(), denial.why(), json);
        if (denial.status() == 401) {
            refusals.record(
                    AuditKind.AUTHENTICATION_FAILED,
                    "unknown",
                    call.source(),
                    call.path(),
                    AuditEvent.FAILURE,
                    denial.why());
            return new Refused(answer.withHeader("WWW-Authenticate", CHALLENGE));
        }
        refusals.record(
                AuditKind.ACCESS_DENIED,
                call.caller().name(),
                call.source(),
                call.path(),
                AuditEvent.DENIED,
                denial.why());
        return new Refused(answer);
    }

    private Admission rejected(HttpCall call, Verdict.Rejected rejected, boolean bearer) {
        refusals.record(
                AuditKind.AUTHENTICATION_FAILED,
                rejected.credentialId() == null ? "unknown" : rejected.credentialId(),
                call.source(),
                call.path(),
                AuditEvent.FAILURE,
                rejected.why());
        String challenge = bearer ? CHALLENGE + ", error=\"invalid_token\"" : CHALLENGE;
        return new Refused(HttpAnswer.error(401, rejected.why(), json).withHeader("WWW-Authenticate", challenge));
    }

    /** The workers that decode new tokens are saturated: the call may try again shortly. */
    private Admission busy(HttpCall call, Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof RejectedExecutionException) {
            return new Refused(
                    HttpAnswer.error(503, "the gateway is too busy to check a new token now; try again shortly", json));
        }
        throw new CompletionException(cause);
    }
}
