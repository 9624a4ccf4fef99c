package io.meshcatalog.subgraphs.kit;

import io.meshcatalog.graph.access.CallerAssertion;
import io.meshcatalog.graph.access.CallerClaims;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** Callers of a kit subgraph as the gateway asserts them, signed with the secret the tests configure. */
final class Callers {

    /** The secret of the test subgraphs, as {@code meshcatalog.subgraph.caller-secret}. */
    static final String SECRET = "a secret the tests share with the depot subgraph";

    static final String SECRET_PROPERTY = "meshcatalog.subgraph.caller-secret=" + SECRET;

    static final CallerClaims GATEWAY = new CallerClaims("gateway", true, true, Set.of(), Set.of(), Set.of());

    private static final CallerAssertion SIGNER = new CallerAssertion(SECRET.getBytes(StandardCharsets.UTF_8));

    private Callers() {}

    /** The header of a request the gateway makes for {@code claims}, signed now. */
    static Map<String, String> asserting(CallerClaims claims) {
        return Map.of(CallerAssertion.HEADER, SIGNER.sign(claims, Instant.now()));
    }

    /** A caller acting for {@code teams}, holding {@code scopes} and grants on {@code granted}. */
    static CallerClaims member(String subject, Set<String> teams, Set<String> scopes, Set<String> granted) {
        return new CallerClaims(subject, true, false, teams, scopes, granted);
    }
}
