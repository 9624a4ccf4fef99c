package io.meshcatalog.gateway.persisted;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.language.Document;
import io.micrometer.core.instrument.Metrics;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.codec.digest.DigestUtils;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which document a GraphQL request runs, when it may name one by id instead of sending it: Apollo's automatic
 * persisted queries (APQ: the {@code persistedQuery} extension's {@code sha256Hash}, the document sent once with it
 * and remembered), and persisted query lists (an id the organisation's apps were built with). With a safelist, a
 * document sent as text runs only when a list holds it (or it asks only for introspection); with {@code require-id},
 * only documents named by id run. Requests, errors and status codes are those of Apollo Router, so Apollo Client's
 * and other clients' persisted query links work unchanged. Each request's outcome is counted as
 * {@code meshcatalog.persisted.documents}.
 */
public final class PersistedDocuments {

    private static final Logger LOG = LoggerFactory.getLogger(PersistedDocuments.class);

    /** The only version of the {@code persistedQuery} extension there is. */
    private static final int VERSION = 1;

    /**
     * How persisted documents are used.
     *
     * @param apq whether clients may register documents by hash (APQ)
     * @param apqCacheSize how many registered documents are remembered, least recently used forgotten first
     * @param list the persisted query lists' operations
     * @param safelist whether only documents the lists hold run
     * @param requireId whether only documents named by id run (a document sent as text is refused)
     * @param logUnknown whether documents sent as text that no list holds are logged
     */
    public record Settings(
            boolean apq,
            long apqCacheBytes,
            PersistedQueryList list,
            boolean safelist,
            boolean requireId,
            boolean logUnknown) {

        /** APQ on (16 MB of documents), no list: what the gateway does unless configured otherwise. */
        public static final Settings DEFAULTS =
                new Settings(true, 16L << 20, PersistedQueryList.EMPTY, false, false, false);

        public Settings {
            if (apq && (safelist || requireId)) {
                throw new IllegalArgumentException("automatic persisted queries (apq) cannot be on with a safelist or "
                        + "require-id: APQ runs and remembers any document a client sends, which a safelist is there to refuse; "
                        + "turn apq off");
            }
            if ((safelist || requireId) && list.isEmpty()) {
                throw new IllegalArgumentException("a safelist or require-id needs a persisted query list (manifests): "
                        + "without one every operation is refused");
            }
            if (apqCacheBytes < 1) {
                throw new IllegalArgumentException("apq-cache-size must be more than 0 bytes, got " + apqCacheBytes);
            }
        }
    }

    /** What a request runs, or why it runs nothing. */
    public sealed interface Outcome {}

    /** Run {@code query}; {@code id} is the persisted id it was named by, if any. */
    public record Run(String query, @Nullable String id) implements Outcome {}

    /**
     * Refused: answer {@code status} with one GraphQL error, {@code message} with {@code code} in its extensions, and
     * no caching (a client may be ahead of the gateway's list, and must not stay refused once the gateway catches up).
     */
    public record Refused(int status, String code, String message) implements Outcome {}

    private final Settings settings;
    private final @Nullable Cache<String, String> registered;

    public PersistedDocuments(Settings settings) {
        this.settings = settings;
        // bounded by weight, not count: a client may register documents as large as a request may be; evictions run on
        // the registering thread, so the bound holds when the registration returns
        this.registered = settings.apq()
                ? Caffeine.newBuilder()
                        .maximumWeight(settings.apqCacheBytes())
                        .weigher((String hash, String document) -> 64 + 2 * (hash.length() + document.length()))
                        .executor(Runnable::run)
                        .<String, String>build()
                : null;
    }

    /**
     * What a request with {@code query} (null when it sent none) and {@code extensions} runs. A document sent as text
     * is checked here only against the safelist; parsing and validating it is the gateway's, after.
     */
    public Outcome resolve(@Nullable String query, Map<String, @Nullable Object> extensions) {
        Object extension = extensions.get("persistedQuery");
        if (extension == null) {
            if (query == null) {
                throw new IllegalArgumentException("a request with neither a document nor a persisted query id");
            }
            return freeform(query);
        }
        if (!(extension instanceof Map<?, ?> persisted)
                || !(persisted.get("sha256Hash") instanceof String id)
                || id.isBlank()) {
            return refused(
                    400,
                    "PERSISTED_QUERY_INVALID",
                    "the persistedQuery extension must be an object with a "
                            + "\"sha256Hash\" string and \"version\": 1");
        }
        if (!(persisted.get("version") instanceof Number version) || version.intValue() != VERSION) {
            return refused(
                    400,
                    "PERSISTED_QUERY_VERSION_NOT_SUPPORTED",
                    "persisted query version " + persisted.get("version") + " is not supported; the version is 1");
        }
        Optional<String> listed = settings.list().body(id);
        if (listed.isPresent() && query == null) {
            return counted("list", new Run(listed.get(), id));
        }
        if (registered != null) {
            return automatic(registered, id.toLowerCase(Locale.ROOT), query);
        }
        if (query != null) {
            return refused(
                    400,
                    "CANNOT_SEND_PQ_ID_AND_BODY",
                    "sending a persisted query id and a document in the same "
                            + "request is not allowed here (automatic persisted queries are off); send the id alone");
        }
        return settings.list().isEmpty()
                ? refused(
                        400,
                        "PERSISTED_QUERY_NOT_SUPPORTED",
                        "persisted queries are not enabled on this gateway; send " + "the document as \"query\"")
                : refused(
                        404,
                        "PERSISTED_QUERY_NOT_IN_LIST",
                        "Persisted query '" + id + "' not found in the persisted " + "query list");
    }

    /** APQ: a hash alone runs what was registered under it; a hash with its document registers it. */
    private static Outcome automatic(Cache<String, String> cache, String hash, @Nullable String query) {
        if (query == null) {
            String known = cache.getIfPresent(hash);
            // the message is the protocol: Apollo Client and other APQ links send the document again on seeing it
            return known == null
                    ? counted("apq_miss", new Refused(200, "PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound"))
                    : counted("apq_hit", new Run(known, hash));
        }
        if (!DigestUtils.sha256Hex(query).equals(hash)) {
            return refused(400, "PERSISTED_QUERY_HASH_MISMATCH", "provided sha does not match query");
        }
        cache.put(hash, query);
        return counted("apq_registered", new Run(query, hash));
    }

    /** A document sent as text, without an id. */
    private Outcome freeform(String query) {
        if (settings.requireId()) {
            log(query, "refused: an id is required");
            return refused(
                    400,
                    "PERSISTED_QUERY_ID_REQUIRED",
                    "this gateway runs only operations sent by id (the "
                            + "persistedQuery extension's sha256Hash), from its persisted query list; the document was not run");
        }
        if (!settings.safelist() && !settings.logUnknown()) {
            return counted("freeform", new Run(query, null));
        }
        Optional<Document> document = CanonicalDocument.parse(query);
        if (document.isEmpty()) {
            // not a document at all: the gateway's parser says what is wrong with it, and nothing runs
            return counted("freeform", new Run(query, null));
        }
        if (settings.list().holds(document.get()) || CanonicalDocument.introspectionOnly(document.get())) {
            return counted("safelisted", new Run(query, null));
        }
        if (!settings.safelist()) {
            log(query, "run (no safelist)");
            return counted("unknown", new Run(query, null));
        }
        log(query, "refused");
        return refused(
                403,
                "QUERY_NOT_IN_SAFELIST",
                "the operation is not in the persisted query list (the safelist) "
                        + "and was not run; add it to the list, or send an operation the list holds");
    }

    private void log(String query, String what) {
        if (settings.logUnknown()) {
            LOG.warn(
                    "Unknown operation, {}: {}",
                    what,
                    query.length() > 2_000 ? query.substring(0, 2_000) + " …" : query);
        }
    }

    private static Refused refused(int status, String code, String message) {
        return counted("refused", new Refused(status, code, message));
    }

    private static <T extends Outcome> T counted(String outcome, T value) {
        Metrics.counter("meshcatalog.persisted.documents", "outcome", outcome).increment();
        return value;
    }
}
