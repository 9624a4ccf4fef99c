package io.meshcatalog.graph.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.EagerResult;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.Record;
import org.neo4j.driver.RoutingControl;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stored API keys in Neo4j: named statements ({@code .cypher} files beside this class) with bound parameters;
 * a unique constraint on the key id. Holds hashes and prefixes only.
 */
public final class ApiKeyRepository {

    /** The most keys {@link #all()} reads; creating keys beyond it is refused. */
    public static final int MAX_KEYS = 10_000;

    private static final Logger log = LoggerFactory.getLogger("io.meshcatalog.graph.cypher");
    private static final Map<String, String> STATEMENTS = new java.util.concurrent.ConcurrentHashMap<>();

    private final Driver driver;

    public ApiKeyRepository(Driver driver) {
        this.driver = driver;
    }

    /** Creates the unique constraint on the key id (idempotent). */
    public void initSchema() {
        driver.executableQuery(statement("schema")).execute();
    }

    /** Every stored key, revoked and expired ones included, oldest first. */
    public List<ApiKeyRecord> all() {
        return run("api-keys", Map.of("limit", MAX_KEYS), RoutingControl.READ).records().stream()
                .map(ApiKeyRepository::key)
                .toList();
    }

    /**
     * Stores a new key.
     *
     * @throws IllegalStateException when a key with its id exists, or {@link #MAX_KEYS} keys are stored
     */
    public void create(ApiKeyRecord key) {
        if (all().size() >= MAX_KEYS) {
            throw new IllegalStateException(
                    "there are already " + MAX_KEYS + " API keys; revoke and remove some first");
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", key.id());
        parameters.put("prefix", key.prefix());
        parameters.put("hash", key.hash());
        parameters.put("subject", key.subject());
        parameters.put("teams", sorted(key.teams()));
        parameters.put("roles", sorted(key.roles()));
        parameters.put("scopes", sorted(key.scopes()));
        parameters.put("namespaces", sorted(key.namespaces()));
        parameters.put("createdAt", utc(key.createdAt()));
        parameters.put("createdBy", key.createdBy());
        parameters.put("expiresAt", utc(key.expiresAt()));
        try {
            run("create-api-key", parameters, RoutingControl.WRITE);
        } catch (ClientException e) {
            if ("Neo.ClientError.Schema.ConstraintValidationFailed".equals(e.code())) {
                throw new IllegalStateException("an API key with id " + key.id() + " exists already", e);
            }
            throw e;
        }
    }

    /**
     * Revokes a key: from then on it authenticates nobody. Revoking a revoked key keeps its first revocation.
     *
     * @return the key as revoked, or empty when no stored key has this id
     */
    public Optional<ApiKeyRecord> revoke(String id, Instant at) {
        return run("revoke-api-key", Map.of("id", id, "revokedAt", utc(at)), RoutingControl.WRITE).records().stream()
                .findFirst()
                .map(ApiKeyRepository::key);
    }

    private EagerResult run(String name, Map<String, Object> parameters, RoutingControl routing) {
        log.debug("{} {}", name, parameters.keySet());
        return driver.executableQuery(statement(name))
                .withParameters(parameters)
                .withConfig(QueryConfig.builder().withRouting(routing).build())
                .execute();
    }

    private static ApiKeyRecord key(Record row) {
        Value k = row.get("k");
        return new ApiKeyRecord(
                k.get("id").asString(),
                k.get("prefix").asString(),
                k.get("hash").asString(),
                k.get("subject").asString(),
                strings(k.get("teams")),
                strings(k.get("roles")),
                strings(k.get("scopes")),
                strings(k.get("namespaces")),
                instant(k.get("createdAt")),
                k.get("createdBy").asString(),
                instant(k.get("expiresAt")),
                k.get("revokedAt").isNull() ? null : instant(k.get("revokedAt")));
    }

    private static Set<String> strings(Value list) {
        return list.isNull() ? Set.of() : new HashSet<>(list.asList(Value::asString));
    }

    private static Instant instant(Value value) {
        return value.asZonedDateTime().toInstant();
    }

    private static ZonedDateTime utc(Instant at) {
        return at.atZone(ZoneOffset.UTC);
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    /** The statement in {@code <name>.cypher} beside this class, without its comment lines. */
    private static String statement(String name) {
        return STATEMENTS.computeIfAbsent(name, ApiKeyRepository::read);
    }

    private static String read(String name) {
        try (@Nullable InputStream in = ApiKeyRepository.class.getResourceAsStream(name + ".cypher")) {
            if (in == null) {
                throw new IllegalStateException("missing Cypher statement " + name + ".cypher");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.strip().startsWith("//"))
                    .collect(Collectors.joining("\n"))
                    .strip()
                    .replaceAll(";$", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
