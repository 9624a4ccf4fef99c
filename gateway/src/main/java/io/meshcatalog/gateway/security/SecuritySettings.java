package io.meshcatalog.gateway.security;

import io.meshcatalog.graph.access.CallerAssertion;
import io.meshcatalog.graph.keys.ApiKeyRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code security.*} settings, checked once at start: a bad value stops the gateway with a message that names
 * the setting and says what is wrong (a short subgraph secret, an HMAC algorithm, a skew over five minutes, a
 * malformed key hash), rather than leaving a gateway that authenticates wrongly.
 *
 * @param anonymousPublic whether callers without a credential get the public view
 * @param configuredKeys the keys of {@code security.api-keys}
 * @param keyMaxLifetime the longest an admin may make a key live
 * @param keyRefresh how often stored keys are re-read
 * @param jwt JWT validation, or null when it is off
 * @param assertion signs each subgraph fetch's caller, or null when no secret is set
 */
public record SecuritySettings(
        boolean anonymousPublic,
        List<ApiKeyRecord> configuredKeys,
        Duration keyMaxLifetime,
        Duration keyRefresh,
        @Nullable JwtSettings jwt,
        @Nullable CallerAssertion assertion) {

    /** Where a configured key's {@code createdBy} says it came from. */
    static final String CONFIGURATION = "configuration";

    public SecuritySettings {
        configuredKeys = List.copyOf(configuredKeys);
    }

    /**
     * @param environmentSecret {@code MESH_CALLER_SECRET} from the environment, used when
     *     {@code security.subgraph-secret} is not set
     * @throws IllegalStateException naming the setting at fault
     */
    public static SecuritySettings of(SecurityProperties properties, @Nullable String environmentSecret) {
        Duration maxLifetime =
                positive("security.api-key-max-lifetime", properties.apiKeyMaxLifetime(), Duration.ofDays(90));
        Duration refresh = properties.apiKeyRefreshInterval() == null
                ? Duration.ofSeconds(30)
                : properties.apiKeyRefreshInterval();
        return new SecuritySettings(
                anonymous(properties.anonymous()),
                keys(properties.apiKeys()),
                maxLifetime,
                refresh,
                JwtSettings.of(properties.jwt()),
                assertion(properties.subgraphSecret(), environmentSecret));
    }

    static IllegalStateException invalid(String setting, String why) {
        return new IllegalStateException("invalid " + setting + ": " + why);
    }

    private static boolean anonymous(@Nullable String value) {
        String mode = value == null ? "public" : value.strip().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "public", "" -> true;
            // YAML 1.1 reads an unquoted off as false
            case "off", "false" -> false;
            default -> throw invalid("security.anonymous", value + " is neither public nor off");
        };
    }

    private static List<ApiKeyRecord> keys(@Nullable List<SecurityProperties.ConfiguredKey> keys) {
        List<ApiKeyRecord> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; keys != null && i < keys.size(); i++) {
            SecurityProperties.ConfiguredKey key = keys.get(i);
            String at = "security.api-keys[" + i + "]";
            if (key.id() == null || !ApiKeyFormat.isId(key.id())) {
                throw invalid(at + ".id", "must be the key's 10-character id (mck_<id>_…), got " + key.id());
            }
            if (!ids.add(key.id())) {
                throw invalid(at + ".id", key.id() + " is configured twice");
            }
            String hash;
            try {
                hash = ApiKeyFormat.parseConfiguredHash(key.hash() == null ? "" : key.hash());
            } catch (IllegalArgumentException e) {
                throw invalid(at + ".hash", e.getMessage());
            }
            if (key.subject() == null || key.subject().isBlank()) {
                throw invalid(at + ".subject", "required: the user or service the key authenticates");
            }
            Set<String> roles;
            try {
                roles = ApiKeys.roleNames(set(key.roles()));
            } catch (IllegalArgumentException e) {
                throw invalid(at + ".roles", e.getMessage());
            }
            Instant expires = expires(at + ".expires", key.expires());
            out.add(new ApiKeyRecord(
                    key.id(),
                    ApiKeyFormat.prefix(key.id()),
                    hash,
                    key.subject().strip(),
                    set(key.teams()),
                    roles,
                    set(key.scopes()),
                    set(key.namespaces()),
                    Instant.EPOCH,
                    CONFIGURATION,
                    expires,
                    null));
        }
        return out;
    }

    private static Instant expires(String setting, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw invalid(setting, "required: every key expires (an instant such as 2027-01-31T00:00:00Z, or a date)");
        }
        try {
            return value.contains("T")
                    ? Instant.parse(value.strip())
                    : LocalDate.parse(value.strip())
                            .atStartOfDay(ZoneOffset.UTC)
                            .toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(setting, value + " is neither an ISO instant nor a date");
        }
    }

    private static @Nullable CallerAssertion assertion(@Nullable String configured, @Nullable String environment) {
        String secret = configured != null && !configured.isBlank()
                ? configured
                : environment != null && !environment.isBlank() ? environment : null;
        if (secret == null) {
            return null;
        }
        int length = secret.getBytes(StandardCharsets.UTF_8).length;
        if (length < 32) {
            throw invalid(
                    "security.subgraph-secret (or MESH_CALLER_SECRET)",
                    "it is " + length + " bytes; at least 32 are needed (openssl rand -base64 32 makes one)");
        }
        return new CallerAssertion(secret.getBytes(StandardCharsets.UTF_8));
    }

    private static Duration positive(String setting, @Nullable Duration value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw invalid(setting, "must be positive");
        }
        return value;
    }

    private static Set<String> set(@Nullable List<String> values) {
        Set<String> out = new HashSet<>();
        if (values != null) {
            values.stream()
                    .filter(v -> v != null && !v.isBlank())
                    .map(String::strip)
                    .forEach(out::add);
        }
        return out;
    }
}
