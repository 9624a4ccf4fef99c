package io.meshcatalog.gateway.security;

import io.meshcatalog.gateway.execution.Caller;
import io.meshcatalog.gateway.execution.Role;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which claims of a validated token say who the caller is; pure, so it is tested without tokens. A claim may be a
 * list of strings or one space-separated string (OAuth's {@code scope}); roles are read case-insensitively and
 * those the gateway does not know are ignored (an identity provider's roles are not all the gateway's).
 *
 * @param subject the subject claim ({@code sub})
 * @param teams the teams claim ({@code groups})
 * @param scopes the scopes claim; when it is {@code scope} and absent, {@code scp} is read instead
 * @param roles the roles claim ({@code roles})
 * @param namespaces the OpenLineage namespaces claim ({@code namespaces})
 */
public record ClaimMapping(String subject, String teams, String scopes, String roles, String namespaces) {

    public static final ClaimMapping DEFAULTS = new ClaimMapping("sub", "groups", "scope", "roles", "namespaces");

    /**
     * The caller a token's claims describe.
     *
     * @param credential the token's id ({@code jti}) where it has one
     * @throws IllegalArgumentException when the subject claim is missing or blank
     */
    public Caller caller(Map<String, Object> claims, @Nullable String credential) {
        Object who = claims.get(subject);
        if (!(who instanceof String name) || name.isBlank()) {
            throw new IllegalArgumentException("the token has no " + subject + " claim naming the caller");
        }
        Set<String> scopeValues = strings(claims.get(scopes));
        if (scopeValues.isEmpty() && scopes.equals("scope")) {
            scopeValues = strings(claims.get("scp"));
        }
        return new Caller(
                name,
                strings(claims.get(teams)),
                scopeValues,
                roles(strings(claims.get(roles))),
                strings(claims.get(namespaces)),
                "jwt",
                credential);
    }

    private static Set<Role> roles(Set<String> names) {
        Set<Role> out = EnumSet.noneOf(Role.class);
        for (String name : names) {
            String normal = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            for (Role role : Role.values()) {
                if (role.name().equals(normal)) {
                    out.add(role);
                }
            }
        }
        return out;
    }

    private static Set<String> strings(@Nullable Object value) {
        Set<String> out = new LinkedHashSet<>();
        if (value instanceof String text) {
            for (String part : text.strip().split("\\s+")) {
                if (!part.isEmpty()) {
                    out.add(part);
                }
            }
        } else if (value instanceof Collection<?> list) {
            for (Object item : list) {
                if (item instanceof String text && !text.isBlank()) {
                    out.add(text.strip());
                }
            }
        }
        return out;
    }
}
