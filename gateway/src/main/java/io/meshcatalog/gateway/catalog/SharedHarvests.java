package io.meshcatalog.gateway.catalog;

import io.meshcatalog.graph.lineage.HarvestLeases;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * The harvests of the gateways that share one graph: before it harvests a domain a gateway claims the domain's lease
 * ({@link HarvestLeases}) for {@code lease}, and ends it when done. The schedule also leaves alone a domain that was
 * harvested successfully within half its {@code interval}, by this gateway or another, so N gateways harvest each
 * domain about once per interval between them; a harvest someone asks for, and a gateway's first, run whenever no
 * other gateway holds the domain.
 *
 * @param gateway this gateway's name in the leases ({@code catalog.instance-id})
 * @param lease how long a claim holds; longer than one domain's harvest takes ({@code catalog.harvest-lease})
 * @param interval the schedule's interval ({@code catalog.harvest-interval}); zero: no schedule
 */
record SharedHarvests(HarvestLeases leases, String gateway, Duration lease, Duration interval, Clock clock) {

    /** Claims {@code domain} for a harvest of the schedule ({@code scheduled}) or one someone asked for. */
    HarvestLeases.Claim claim(String domain, boolean scheduled) {
        boolean everyInterval = scheduled && !interval.isZero() && !interval.isNegative();
        Instant freshAfter = everyInterval ? clock.instant().minus(interval.dividedBy(2)) : null;
        return leases.claim(domain, gateway, lease, freshAfter);
    }

    void release(String domain, boolean succeeded) {
        leases.release(domain, gateway, succeeded);
    }

    /** Ends every lease this gateway holds, as it stops. */
    int releaseAll() {
        return leases.releaseAll(gateway);
    }

    /**
     * This gateway's name among those on the graph: {@code configured}, or else its host's name ({@code HOSTNAME}, a
     * pod's name in Kubernetes) and HTTP port, which no other gateway has at the same time and which a gateway restarted
     * in its place keeps, so it takes back at once what it held when it died; with a port chosen at random (0), the
     * process id and a random part instead.
     */
    static String gatewayName(@Nullable String configured, int port) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        return host() + ":"
                + (port > 0
                        ? String.valueOf(port)
                        : ProcessHandle.current().pid() + "-"
                                + HexFormat.of().toHexDigits((short)
                                        ThreadLocalRandom.current().nextInt()));
    }

    private static String host() {
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
