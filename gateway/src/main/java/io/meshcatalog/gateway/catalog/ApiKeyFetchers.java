package io.meshcatalog.gateway.catalog;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.meshcatalog.gateway.execution.RequestContext;
import io.meshcatalog.gateway.security.ApiKeyAdmin;
import io.meshcatalog.gateway.security.ForbiddenException;
import io.meshcatalog.graph.keys.ApiKeyRecord;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The admin API for keys on the catalog subgraph: {@code apiKeys}, {@code createApiKey}, {@code revokeApiKey}. The
 * caller comes from the GraphQL context ({@link RequestContext}, put there for every operation); {@link ApiKeyAdmin}
 * decides whether it may, and each refusal is recorded as ACCESS_DENIED ({@link CatalogAccess#recorded}).
 */
final class ApiKeyFetchers {

    private final ApiKeyAdmin admin;
    private final CatalogAccess access;

    ApiKeyFetchers(ApiKeyAdmin admin, CatalogAccess access) {
        this.admin = admin;
        this.access = access;
    }

    /** Adds the three fields to the catalog's wiring. */
    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type.dataFetcher("apiKeys", this::apiKeys))
                .type(
                        "Mutation",
                        type -> type.dataFetcher("createApiKey", this::createApiKey)
                                .dataFetcher("revokeApiKey", this::revokeApiKey));
    }

    private List<Map<String, @Nullable Object>> apiKeys(DataFetchingEnvironment env) {
        try {
            return admin.list(CatalogAccess.context(env)).stream()
                    .map(ApiKeyFetchers::view)
                    .toList();
        } catch (ForbiddenException e) {
            throw access.recorded(env, "apiKeys", "api keys", e);
        }
    }

    private Map<String, Object> createApiKey(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        String subject = String.valueOf(input.get("subject"));
        try {
            ApiKeyAdmin.Created created = admin.create(
                    CatalogAccess.context(env),
                    new ApiKeyAdmin.NewKeyRequest(
                            subject,
                            strings(input.get("teams")),
                            strings(input.get("roles")),
                            strings(input.get("scopes")),
                            strings(input.get("namespaces")),
                            instant(input.get("expiresAt"))));
            return Map.of("key", created.key(), "apiKey", view(created.record()));
        } catch (ForbiddenException e) {
            throw access.recorded(env, "createApiKey", "a key for " + subject, e);
        }
    }

    private Map<String, @Nullable Object> revokeApiKey(DataFetchingEnvironment env) {
        String id = String.valueOf(env.<Object>getArgument("id"));
        try {
            return view(admin.revoke(CatalogAccess.context(env), id));
        } catch (ForbiddenException e) {
            throw access.recorded(env, "revokeApiKey", id, e);
        }
    }

    private static Map<String, @Nullable Object> view(ApiKeyRecord key) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("id", key.id());
        out.put("prefix", key.prefix());
        out.put("subject", key.subject());
        out.put("teams", new TreeSet<>(key.teams()));
        out.put("roles", new TreeSet<>(key.roles()));
        out.put("scopes", new TreeSet<>(key.scopes()));
        out.put("namespaces", new TreeSet<>(key.namespaces()));
        out.put("createdAt", key.createdAt().toString());
        out.put("createdBy", key.createdBy());
        out.put("expiresAt", key.expiresAt().toString());
        out.put("revokedAt", key.revokedAt() == null ? null : key.revokedAt().toString());
        return out;
    }

    private static Set<String> strings(@Nullable Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> out.add(String.valueOf(item)));
        }
        return Set.copyOf(out);
    }

    private static @Nullable Instant instant(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "expiresAt: " + value + " is not an ISO-8601 instant such as " + "2027-01-31T00:00:00Z");
        }
    }
}
