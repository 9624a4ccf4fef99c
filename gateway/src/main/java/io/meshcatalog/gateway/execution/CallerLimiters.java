package io.meshcatalog.gateway.execution;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;

/**
 * One resilience4j {@link RateLimiter} per caller ({@link Caller#limitKey}), each with {@code permits} per period and
 * no waiting: the per-caller limits' one home. Limiters of callers idle for ten periods (a minute at least) are
 * forgotten, and at most {@link #MAX_CALLERS} are kept, so memory stays bounded whoever calls.
 */
public final class CallerLimiters {

    public static final long MAX_CALLERS = 100_000;

    private final int permits;
    private final RateLimiterConfig config;
    private final Cache<String, RateLimiter> limiters;

    public CallerLimiters(int permits, Duration period) {
        this.permits = Math.max(1, permits);
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(this.permits)
                .limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO)
                .build();
        Duration idle = period.multipliedBy(10);
        this.limiters = Caffeine.newBuilder()
                .maximumSize(MAX_CALLERS)
                .expireAfterAccess(idle.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : idle)
                .build();
    }

    /** Takes {@code wanted} permits from the caller's share of this period; false, taking none, when they are not left. */
    public boolean acquire(String caller, int wanted) {
        return wanted <= permits
                && limiters.get(caller, name -> RateLimiter.of(name, config)).acquirePermission(wanted);
    }

    /** How many callers have a limiter now. */
    public long callers() {
        limiters.cleanUp();
        return limiters.estimatedSize();
    }
}
