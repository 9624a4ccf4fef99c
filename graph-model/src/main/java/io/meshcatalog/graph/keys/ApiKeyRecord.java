package io.meshcatalog.graph.keys;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An API key as it is kept: who it authenticates and what it may do, its life cycle, and the SHA-256 hash of the
 * key itself (the key is shown once, when it is made, and kept nowhere).
 *
 * @param id the key's id, also the visible part of the key ({@code mck_<id>_…}); unique
 * @param prefix the visible start of the key ({@code mck_<id>}), for admins to recognise it
 * @param hash the SHA-256 hash of the whole key, lower-case hex
 * @param subject the user or service it authenticates
 * @param teams the teams it acts for
 * @param roles role names ({@code READER}, {@code DOMAIN_MEMBER}, {@code ADMIN})
 * @param scopes the OAuth-style scopes it holds
 * @param namespaces the OpenLineage namespaces it may write lineage for
 * @param createdAt when it was made
 * @param createdBy who made it (an admin's subject, or {@code configuration})
 * @param expiresAt when it stops working; every key expires
 * @param revokedAt when an admin revoked it; null while it is not revoked
 */
public record ApiKeyRecord(
        String id,
        String prefix,
        String hash,
        String subject,
        Set<String> teams,
        Set<String> roles,
        Set<String> scopes,
        Set<String> namespaces,
        Instant createdAt,
        String createdBy,
        Instant expiresAt,
        @Nullable Instant revokedAt) {

    public ApiKeyRecord {
        teams = Set.copyOf(teams);
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
        namespaces = Set.copyOf(namespaces);
    }

    /** The same key, revoked at {@code at}. */
    public ApiKeyRecord revoked(Instant at) {
        return new ApiKeyRecord(
                id, prefix, hash, subject, teams, roles, scopes, namespaces, createdAt, createdBy, expiresAt, at);
    }
}
