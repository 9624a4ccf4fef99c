package io.meshcatalog.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshcatalog.graph.access.CallerAssertion;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SubgraphCallersTests {

  private static final String SECRET = "the secret a gateway shares with its subgraphs";
  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

  @Test
  void aSubgraphWithTheSecretReadsAnAssertionOfACallerThatSeesEverything() {
    String header = SubgraphCallers.withSecret(SECRET, Clock.fixed(NOW, ZoneOffset.UTC))
        .headerFor(RequestContext.anonymous());

    assertThat(header).isNotNull();
    assertThat(new CallerAssertion(SECRET.getBytes(StandardCharsets.UTF_8)).verify(header, NOW).everything()).isTrue();
  }

  @Test
  void oneAssertionServesAMinuteOfFetchesThenANewOneIsSigned() {
    AtomicReference<Instant> now = new AtomicReference<>(NOW);
    Clock clock = new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now.get();
      }
    };
    SubgraphCallers callers = SubgraphCallers.withSecret(SECRET, clock);
    String first = callers.headerFor(RequestContext.anonymous());

    now.set(NOW.plusSeconds(60));
    assertThat(callers.headerFor(RequestContext.internal("harvest"))).isEqualTo(first);
    now.set(NOW.plusSeconds(61));
    String second = callers.headerFor(RequestContext.anonymous());
    assertThat(second).isNotEqualTo(first);
    assertThat(new CallerAssertion(SECRET.getBytes(StandardCharsets.UTF_8)).verify(second, now.get()).everything())
        .isTrue();
  }

  @Test
  void withoutASecretNoAssertionIsSentAndAShortSecretIsRefused() {
    assertThat(SubgraphCallers.withSecret(" ", Clock.systemUTC()).headerFor(RequestContext.anonymous())).isNull();
    assertThatThrownBy(() -> SubgraphCallers.withSecret("short", Clock.systemUTC()))
        .hasMessageContaining("at least 32 bytes");
  }
}
