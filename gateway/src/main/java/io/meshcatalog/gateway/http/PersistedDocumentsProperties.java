package io.meshcatalog.gateway.http;

import io.meshcatalog.gateway.persisted.PersistedDocuments;
import io.meshcatalog.gateway.persisted.PersistedQueryList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code gateway.persisted-documents.*}: operations named by id ({@link PersistedDocuments}).
 *
 * @param apq whether clients may register documents by hash, Apollo's automatic persisted queries (on, unless a
 *     safelist or require-id is)
 * @param apqCacheSize how much registered document text is remembered (16MB)
 * @param manifests persisted query lists, paths of Apollo persisted query manifests (JSON)
 * @param safelist whether only operations the lists hold run (false)
 * @param requireId whether only operations sent by id run (false)
 * @param logUnknown whether operations sent as text that no list holds are logged (false)
 */
@ConfigurationProperties("gateway.persisted-documents")
public record PersistedDocumentsProperties(
        @Nullable Boolean apq,
        @Nullable DataSize apqCacheSize,
        @Nullable List<String> manifests,
        @Nullable Boolean safelist,
        @Nullable Boolean requireId,
        @Nullable Boolean logUnknown) {

    /** The largest manifest read: a list of 100,000 operations of a few hundred bytes each fits well within it. */
    static final long MAX_MANIFEST_BYTES = 64L << 20;

    /** Whether only some documents run: a safelist or require-id is on. */
    public boolean restrictsDocuments() {
        return Boolean.TRUE.equals(safelist) || Boolean.TRUE.equals(requireId);
    }

    /** The settings, with the manifests read; a manifest that cannot be read stops the start with what is wrong. */
    public PersistedDocuments.Settings settings(JsonMapper json) {
        boolean safe = Boolean.TRUE.equals(safelist);
        boolean ids = Boolean.TRUE.equals(requireId);
        return new PersistedDocuments.Settings(
                apq == null ? !restrictsDocuments() : apq,
                apqCacheSize == null ? PersistedDocuments.Settings.DEFAULTS.apqCacheBytes() : apqCacheSize.toBytes(),
                PersistedQueryList.read(read(manifests == null ? List.of() : manifests), json),
                safe,
                ids,
                Boolean.TRUE.equals(logUnknown));
    }

    private static List<Map.Entry<String, byte[]>> read(List<String> paths) {
        List<Map.Entry<String, byte[]>> manifests = new ArrayList<>();
        for (String path : paths) {
            Path file = Path.of(path);
            try {
                if (Files.size(file) > MAX_MANIFEST_BYTES) {
                    throw new IllegalArgumentException("gateway.persisted-documents.manifests: " + path
                            + " is larger than " + (MAX_MANIFEST_BYTES >> 20) + " MB");
                }
                manifests.add(Map.entry(path, Files.readAllBytes(file)));
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        "gateway.persisted-documents.manifests: cannot read " + path + ": " + e, e);
            }
        }
        return manifests;
    }
}
