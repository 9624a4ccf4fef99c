package io.meshcatalog.gateway.support;

import io.meshcatalog.gateway.execution.Caller;
import io.meshcatalog.gateway.execution.Role;
import io.meshcatalog.gateway.http.EdgeCheck;
import io.meshcatalog.gateway.http.HttpCall;
import io.meshcatalog.gateway.http.HttpRoute;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authentication for tests: the caller a request names in its {@code x-test-caller} header, as JSON
 * ({@code {"subject": "ada", "teams": ["hr"], "scopes": ["crm:read"], "roles": ["admin"]}}), stands in for what the
 * real authentication resolves from a key or a token; without the header the call stays anonymous.
 */
public final class TestCallerCheck implements EdgeCheck {

  /** The check as a bean of an application under test, first of all checks as authentication is. */
  @org.springframework.boot.test.context.TestConfiguration
  public static class First {

    @org.springframework.context.annotation.Bean
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
    EdgeCheck testCaller() {
      return new TestCallerCheck();
    }
  }

  public static final String HEADER = "x-test-caller";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  @SuppressWarnings("unchecked")
  public CompletableFuture<Admission> admit(HttpRoute route, HttpCall call) {
    String header = call.header(HEADER);
    if (header == null) {
      return EdgeCheck.admitted(call);
    }
    Map<String, Object> json = JSON.readValue(header, Map.class);
    Set<Role> roles = ((List<String>) json.getOrDefault("roles", List.of())).stream()
        .map(r -> Role.valueOf(r.toUpperCase(Locale.ROOT).replace('-', '_'))).collect(Collectors.toSet());
    return EdgeCheck.admitted(call.withCaller(new Caller((String) json.get("subject"),
        Set.copyOf((List<String>) json.getOrDefault("teams", List.of())),
        Set.copyOf((List<String>) json.getOrDefault("scopes", List.of())), roles, Set.of(), "test", null)));
  }
}
