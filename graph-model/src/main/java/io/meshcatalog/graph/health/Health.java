package io.meshcatalog.graph.health;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A dataset's or product's health at {@code checkedAt}: the one home of the rule. The latest run writing a dataset
 * failed or was aborted: FAILING. Else, with a freshness SLA and a complete write: LATE once the write is older than
 * the SLA allows, FRESH until then. Else UNKNOWN. A product is as healthy as its least healthy dataset whose health
 * is known.
 *
 * @param status the verdict
 * @param reason why, in a sentence that names the dataset, the run or the SLA
 * @param dataset the dataset the verdict is about (for a product, the one that decided it); null when none
 * @param lastCompleteAt when its last complete write ended; null when none did
 * @param dueBy when it turns (or turned) LATE without a new write; null without an SLA or a write
 * @param checkedAt the instant it was judged at
 */
public record Health(
        HealthStatus status,
        String reason,
        @Nullable String dataset,
        @Nullable Instant lastCompleteAt,
        @Nullable Instant dueBy,
        Instant checkedAt) {

    /** The dataset's health at {@code now}. */
    public static Health of(WriteFacts facts, Instant now) {
        Instant dueBy = dueBy(facts);
        if (failed(facts)) {
            String verb = "FAIL".equals(facts.latestState()) ? "failed" : "was aborted";
            return new Health(
                    HealthStatus.FAILING,
                    "run " + facts.latestRun() + " writing " + facts.dataset() + " " + verb + " at " + facts.latestAt(),
                    facts.dataset(),
                    facts.lastCompleteAt(),
                    dueBy,
                    now);
        }
        if (facts.freshness() == null) {
            String why = facts.sla().isEmpty() ? "its SLA declares no frequency or latency" : facts.sla();
            return new Health(
                    HealthStatus.UNKNOWN,
                    facts.dataset() + ": " + why,
                    facts.dataset(),
                    facts.lastCompleteAt(),
                    null,
                    now);
        }
        if (dueBy == null) {
            return new Health(
                    HealthStatus.UNKNOWN,
                    facts.dataset() + ": no complete run has written it yet (SLA " + facts.sla() + ")",
                    facts.dataset(),
                    null,
                    null,
                    now);
        }
        if (now.isAfter(dueBy)) {
            return new Health(
                    HealthStatus.LATE,
                    facts.dataset() + " was last written at " + facts.lastCompleteAt() + "; its SLA (" + facts.sla()
                            + ") wanted a new write by " + dueBy,
                    facts.dataset(),
                    facts.lastCompleteAt(),
                    dueBy,
                    now);
        }
        return new Health(
                HealthStatus.FRESH,
                facts.dataset() + " was written at " + facts.lastCompleteAt() + ", within its SLA (" + facts.sla()
                        + ")",
                facts.dataset(),
                facts.lastCompleteAt(),
                dueBy,
                now);
    }

    /** Whether the latest run writing the dataset failed or was aborted. */
    static boolean failed(WriteFacts facts) {
        return "FAIL".equals(facts.latestState()) || "ABORT".equals(facts.latestState());
    }

    /** When the dataset turns (or turned) LATE without a new write; null without an SLA's freshness or a write. */
    static @Nullable Instant dueBy(WriteFacts facts) {
        return facts.freshness() == null || facts.lastCompleteAt() == null
                ? null
                : facts.lastCompleteAt().plus(facts.freshness());
    }

    /** A product's health from its datasets': the worst one (UNKNOWN ranks below FRESH). */
    public static Health ofProduct(String product, List<WriteFacts> datasets, Instant now) {
        return datasets.stream()
                .map(facts -> of(facts, now))
                .min(Comparator.comparing(Health::status))
                .orElseGet(() ->
                        new Health(HealthStatus.UNKNOWN, product + " publishes no dataset", null, null, null, now));
    }

    /** Whether it needs its owners' and consumers' attention. */
    public boolean troubled() {
        return status == HealthStatus.FAILING || status == HealthStatus.LATE;
    }
}
