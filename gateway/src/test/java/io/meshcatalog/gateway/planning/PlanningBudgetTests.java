package io.meshcatalog.gateway.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.parser.Parser;
import io.meshcatalog.gateway.supergraph.SupergraphParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The planner stops when its budget says so: past its time, or its client gone; and counts its steps. */
class PlanningBudgetTests {

    private static final String QUERY = "{ topProducts { name reviews { body author { name } } } me { name } }";
    private static QueryPlanner planner;

    @BeforeAll
    static void supergraph() throws IOException {
        planner = new QueryPlanner(new SupergraphParser()
                .parse(Files.readString(Path.of("src/test/resources/golden/entities/supergraph.graphql"))));
    }

    @Test
    void aPlanPastItsTimeIsAbandonedNamingTheSettingAndTheTimeSpent() {
        AtomicLong clock = new AtomicLong();
        // every reading of the clock is 4 s later than the one before
        PlanningBudget budget = PlanningBudget.until(
                Duration.ofSeconds(3),
                "gateway.limits.planning-timeout",
                () -> false,
                () -> clock.getAndAdd(4_000_000_000L));
        assertThatThrownBy(() -> planner.plan(Parser.parse(QUERY), null, budget))
                .isInstanceOfSatisfying(
                        PlanningAbandoned.class, e -> assertThat(e.code()).isEqualTo("PLANNING_TIMEOUT"))
                .hasMessage(
                        "planning the operation took 4000 ms, above gateway.limits.planning-timeout 3000 ms: it was "
                                + "abandoned; send a smaller operation");
    }

    @Test
    void aPlanWithinItsTimeIsMade() {
        PlanningBudget budget =
                PlanningBudget.until(Duration.ofSeconds(3), "gateway.limits.planning-timeout", () -> false, () -> 0L);
        assertThat(planner.plan(Parser.parse(QUERY), null, budget).print())
                .isEqualTo(planner.plan(Parser.parse(QUERY), null).print());
    }

    @Test
    void planningForAClientThatHasGoneIsAbandoned() {
        PlanningBudget budget =
                PlanningBudget.until(Duration.ZERO, "gateway.limits.planning-timeout", () -> true, System::nanoTime);
        assertThatThrownBy(() -> planner.plan(Parser.parse(QUERY), null, budget))
                .isInstanceOfSatisfying(
                        PlanningAbandoned.class, e -> assertThat(e.code()).isEqualTo("CLIENT_CLOSED"))
                .hasMessage("the client closed its connection: planning was abandoned");
    }

    @Test
    void theStepsOfAPlanGrowWithTheDocumentNotWithItsExpansion() {
        long tenLevels = steps(doubling(10));
        long twentyLevels = steps(doubling(20));
        // 2^10 times the leaf spreads, ten more fragments: a few steps more, not a thousand times as many
        assertThat(twentyLevels).isLessThan(tenLevels + 100);
        assertThat(tenLevels).isLessThan(1 << 10);
    }

    private static long steps(String document) {
        long[] steps = new long[1];
        PlanningBudget counting = new PlanningBudget() {
            @Override
            public @Nullable PlanningAbandoned exhausted() {
                steps[0]++;
                return null;
            }
        };
        planner.plan(Parser.parse(document), null, counting);
        return steps[0];
    }

    private static String doubling(int levels) {
        StringBuilder document = new StringBuilder("{ topProducts { ...F0 } }\n");
        for (int i = 0; i < levels; i++) {
            document.append("fragment F")
                    .append(i)
                    .append(" on Product { ...F")
                    .append(i + 1)
                    .append(" ...F")
                    .append(i + 1)
                    .append(" }\n");
        }
        return document.append("fragment F")
                .append(levels)
                .append(" on Product { name reviews { body } }")
                .toString();
    }
}
