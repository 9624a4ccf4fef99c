package io.meshcatalog.gateway.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.json.JsonMapper;

/**
 * Per-caller rate limits at the edge (resilience4j's {@link RateLimiter}, one per caller): each authenticated caller
 * (by subject) and each anonymous client (by address) may send {@link Settings#requests} requests per
 * {@link Settings#period}; beyond that, 429 with {@code Retry-After} and a GraphQL error ({@code RATE_LIMITED}) naming
 * the limit, until the period turns. One caller's flood never uses up another's share. Health and GraphiQL's files
 * are not counted. Limiters of callers idle for ten periods (a minute at least) are forgotten, and at most
 * {@link #MAX_CALLERS} are kept, so memory stays bounded whoever calls. Runs after authentication, which names the
 * caller.
 */
public final class RateLimits implements EdgeCheck {

  /** After authentication (100), before the catalog's grant warm-up (200). */
  public static final int ORDER = 150;
  static final long MAX_CALLERS = 100_000;

  /**
   * @param requests requests per period per caller (0 turns the limits off)
   * @param period the period
   */
  public record Settings(int requests, Duration period) {

    /** 100 requests a second per caller. */
    public static final Settings DEFAULTS = new Settings(100, Duration.ofSeconds(1));
  }

  private final Settings settings;
  private final RateLimiterConfig config;
  private final Cache<String, RateLimiter> limiters;
  private final JsonMapper json;

  public RateLimits(Settings settings, JsonMapper json) {
    this.settings = settings;
    this.json = json;
    this.config = RateLimiterConfig.custom().limitForPeriod(Math.max(1, settings.requests()))
        .limitRefreshPeriod(settings.period()).timeoutDuration(Duration.ZERO).build();
    Duration idle = settings.period().multipliedBy(10);
    this.limiters = Caffeine.newBuilder().maximumSize(MAX_CALLERS)
        .expireAfterAccess(idle.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : idle).build();
  }

  @Override
  public CompletableFuture<Admission> admit(HttpRoute route, HttpCall call) {
    if (settings.requests() <= 0 || route.path().startsWith("/health") || route.path().startsWith("/graphiql")) {
      return EdgeCheck.admitted(call);
    }
    String caller = call.caller().authenticated() ? "caller " + call.caller().name() : "address " + call.source();
    RateLimiter limiter = limiters.get(caller, name -> RateLimiter.of(name, config));
    if (limiter.acquirePermission()) {
      return EdgeCheck.admitted(call);
    }
    long retryAfter = Math.max(1, (settings.period().toMillis() + 999) / 1000);
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", (call.caller().authenticated() ? call.caller().name() : "this client (" + call.source()
        + ")") + " sent more than " + settings.requests() + " requests in " + settings.period().toMillis()
        + " ms (gateway.rate-limit.requests per gateway.rate-limit.period); retry in " + retryAfter + " s");
    error.put("extensions", Map.of("code", "RATE_LIMITED"));
    return EdgeCheck.refused(HttpAnswer.json(429, Map.of("errors", List.of(error)), json)
        .withHeader("Retry-After", Long.toString(retryAfter)));
  }

  /** How many callers have a limiter now. */
  long callers() {
    limiters.cleanUp();
    return limiters.estimatedSize();
  }
}
