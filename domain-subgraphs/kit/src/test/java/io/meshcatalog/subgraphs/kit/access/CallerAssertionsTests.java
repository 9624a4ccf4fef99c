package io.meshcatalog.subgraphs.kit.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.graph.access.CallerAssertion;
import io.meshcatalog.graph.access.CallerClaims;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The subgraph's side of the caller assertion: a verified token is kept, but never past its expiry. */
class CallerAssertionsTests {

    private static final Instant SIGNED = Instant.parse("2026-12-04T12:00:00Z");
    private static final CallerAssertion SECRET =
            new CallerAssertion("a shared secret of at least 32 bytes!".getBytes(StandardCharsets.UTF_8));
    private static final CallerClaims ANALYST =
            new CallerClaims("analyst", true, false, Set.of("growth-team"), Set.of(), Set.of());

    @Test
    void aVerifiedAssertionKeepsItsCallerOnEveryUseWhileValid() {
        MovingClock clock = new MovingClock(SIGNED);
        CallerAssertions assertions = new CallerAssertions(SECRET, clock);
        String token = SECRET.sign(ANALYST, SIGNED);

        assertThat(assertions.resolve(token).claims()).isEqualTo(ANALYST);
        clock.now = SIGNED.plus(Duration.ofMinutes(2));
        SubgraphCaller again = assertions.resolve(" " + token + " ");
        assertThat(again.claims()).isEqualTo(ANALYST);
        assertThat(again.vouched()).isTrue();
    }

    @Test
    void aKeptAssertionIsRefusedOnceExpiredLikeAFreshOne() {
        MovingClock clock = new MovingClock(SIGNED);
        CallerAssertions assertions = new CallerAssertions(SECRET, clock);
        String token = SECRET.sign(ANALYST, SIGNED);
        assertThat(assertions.resolve(token).vouched()).isTrue();

        // two minutes of life and thirty seconds of allowed skew, then nothing
        clock.now = SIGNED.plus(Duration.ofMinutes(2)).plusSeconds(31);

        assertThat(assertions.resolve(token)).isEqualTo(SubgraphCaller.ANONYMOUS);
        assertThat(new CallerAssertions(SECRET, clock).resolve(token)).isEqualTo(SubgraphCaller.ANONYMOUS);
    }

    @Test
    void aTokenThatFailedIsNeverKeptAsValid() {
        MovingClock clock = new MovingClock(SIGNED);
        CallerAssertions assertions = new CallerAssertions(SECRET, clock);
        CallerAssertion other =
                new CallerAssertion("another secret, also of 32 bytes!!".getBytes(StandardCharsets.UTF_8));
        String forged = other.sign(new CallerClaims("mallory", true, true, Set.of(), Set.of(), Set.of()), SIGNED);

        assertThat(assertions.resolve(forged)).isEqualTo(SubgraphCaller.ANONYMOUS);
        assertThat(assertions.resolve(forged)).isEqualTo(SubgraphCaller.ANONYMOUS);
    }

    /** A clock a test moves. */
    private static final class MovingClock extends Clock {

        private Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

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
            return now;
        }
    }
}
