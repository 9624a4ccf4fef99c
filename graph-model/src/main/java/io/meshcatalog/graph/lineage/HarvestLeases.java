package io.meshcatalog.graph.lineage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/**
 * Who harvests which domain, when several gateways share one graph: a lease per domain, held by one gateway until it
 * expires, so one gateway harvests a domain at a time and a gateway that died holding one is replaced once it expires.
 * The graph also keeps when and by whom each domain was last harvested successfully, so the gateways' schedules
 * harvest a domain about once per interval between them instead of once each. A lease is a matter of economy, not of
 * correctness: an upsert is idempotent product by product, so two harvests of one domain at once (a lease that
 * expired while its harvest still ran) write the same graph.
 */
public final class HarvestLeases {

    private final Driver driver;
    private final Clock clock;
    private final CypherLog cypher = new CypherLog();

    public HarvestLeases(Driver driver, Clock clock) {
        this.driver = driver;
        this.clock = clock;
    }

    /**
     * A domain's lease as it stands after a claim: {@code claimed} when the caller holds it now; otherwise who holds
     * it and until when, or when and by whom the domain was harvested too recently to harvest it again.
     */
    public record Claim(
            boolean claimed,
            @Nullable String holder,
            @Nullable Instant until,
            @Nullable Instant harvestedAt,
            @Nullable String harvestedBy) {

        /** Why the caller may not harvest now, naming the other gateway; for a claim that was not made. */
        public String reason(String domain) {
            if (holder != null) {
                return "gateway " + holder + " is harvesting domain " + domain + " (its lease runs until " + until
                        + ")";
            }
            return "domain " + domain + " was harvested by gateway " + harvestedBy + " at " + harvestedAt
                    + ", within the harvest interval";
        }
    }

    /**
     * Claims {@code domain} for {@code holder} for {@code lease}, unless another holder's lease runs, or the domain
     * was harvested successfully after {@code freshAfter} (null: however recently); a holder may claim again what it
     * holds, which extends its lease.
     */
    public Claim claim(String domain, String holder, Duration lease, @Nullable Instant freshAfter) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        Map<String, @Nullable Object> parameters = new HashMap<>();
        parameters.put("domain", domain);
        parameters.put("holder", holder);
        parameters.put("now", now);
        parameters.put("until", now.plus(lease));
        parameters.put("freshAfter", freshAfter == null ? null : OffsetDateTime.ofInstant(freshAfter, ZoneOffset.UTC));
        try (Session session = CausalSessions.open(driver)) {
            Record row = session.executeWrite(tx -> cypher.single(tx, "harvest-lease-claim", parameters));
            boolean claimed = row.get("claimed").asBoolean();
            return new Claim(
                    claimed,
                    claimed ? holder : nullableString(row.get("holder")),
                    instant(row.get("until")),
                    instant(row.get("harvestedAt")),
                    nullableString(row.get("harvestedBy")));
        }
    }

    /** Ends {@code holder}'s lease of {@code domain}; a harvest that {@code succeeded} is the domain's last one. */
    public void release(String domain, String holder, boolean succeeded) {
        release(domain, holder, succeeded ? OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC) : null);
    }

    /** Ends every lease {@code holder} still has (a gateway that stops); how many. */
    public int releaseAll(String holder) {
        return release(null, holder, null);
    }

    private int release(@Nullable String domain, String holder, @Nullable OffsetDateTime harvestedAt) {
        Map<String, @Nullable Object> parameters = new HashMap<>();
        parameters.put("domain", domain);
        parameters.put("holder", holder);
        parameters.put("harvestedAt", harvestedAt);
        try (Session session = CausalSessions.open(driver)) {
            return session.executeWrite(tx -> cypher.single(tx, "harvest-lease-release", parameters))
                    .get("released")
                    .asInt();
        }
    }

    private static @Nullable String nullableString(Value value) {
        return value.isNull() ? null : value.asString();
    }

    private static @Nullable Instant instant(Value value) {
        return value.isNull() ? null : value.asZonedDateTime().toInstant();
    }
}
