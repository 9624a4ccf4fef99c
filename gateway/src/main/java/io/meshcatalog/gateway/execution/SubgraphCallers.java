package io.meshcatalog.gateway.execution;

import io.meshcatalog.graph.access.CallerAssertion;
import io.meshcatalog.graph.access.CallerClaims;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The caller each fetch to a subgraph over HTTP is made for, asserted in graph-model's {@code mesh-caller} header
 * ({@link CallerAssertion}), signed with the secret the gateway shares with its subgraphs, so that a domain subgraph
 * applies the catalog's visibility to what it answers. Without a secret no header is sent, and a subgraph kit serves
 * public products only.
 *
 * <p>For now every fetch asserts a caller that sees everything, the way every catalog read sees everything, until a
 * request's caller is mapped to its claims ({@link #claims}, the one place to change). While the claims are one
 * value, one signed assertion (valid two minutes) serves a minute of fetches.
 */
public final class SubgraphCallers {

  /** Sends no assertion. */
  public static final SubgraphCallers NONE = new SubgraphCallers(null, Clock.systemUTC());

  private static final CallerClaims EVERYTHING = new CallerClaims("mesh-catalog-gateway", true, true, Set.of(),
      Set.of(), Set.of());
  private static final Duration REUSE = Duration.ofMinutes(1);

  private final @Nullable CallerAssertion signer;
  private final Clock clock;
  private volatile @Nullable Signed current;

  private SubgraphCallers(@Nullable CallerAssertion signer, Clock clock) {
    this.signer = signer;
    this.clock = clock;
  }

  /**
   * Signs with {@code secret}; none when it is blank.
   *
   * @throws IllegalArgumentException when it is shorter than 32 bytes
   */
  public static SubgraphCallers withSecret(String secret, Clock clock) {
    return secret.isBlank() ? NONE
        : new SubgraphCallers(new CallerAssertion(secret.getBytes(StandardCharsets.UTF_8)), clock);
  }

  /** The {@value CallerAssertion#HEADER} header of a fetch made for {@code context}; null when none is signed. */
  public @Nullable String headerFor(RequestContext context) {
    if (signer == null) {
      return null;
    }
    Instant now = clock.instant();
    Signed signed = current;
    if (signed == null || now.isAfter(signed.at().plus(REUSE)) || now.isBefore(signed.at())) {
      signed = new Signed(signer.sign(claims(context), now), now);
      current = signed;
    }
    return signed.token();
  }

  /** What a fetch for {@code context} asserts about its caller: everything, until callers are mapped. */
  static CallerClaims claims(RequestContext context) {
    return EVERYTHING;
  }

  private record Signed(String token, Instant at) {
  }
}
