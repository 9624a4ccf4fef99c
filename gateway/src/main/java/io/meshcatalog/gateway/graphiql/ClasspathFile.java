package io.meshcatalog.gateway.graphiql;

import io.meshcatalog.gateway.http.HttpAnswer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** A file of the classpath as an HTTP answer, its type told by its extension. */
final class ClasspathFile {

    private static final Map<String, String> TYPES = Map.of(
            "js",
            "text/javascript; charset=utf-8",
            "css",
            "text/css; charset=utf-8",
            "map",
            "application/json",
            "html",
            "text/html; charset=utf-8",
            "svg",
            "image/svg+xml",
            "woff",
            "font/woff",
            "woff2",
            "font/woff2",
            "ttf",
            "font/ttf",
            "png",
            "image/png",
            "json",
            "application/json");

    private ClasspathFile() {}

    /** Files read once and kept by the path they were asked for; only those that exist, so other paths cannot fill it. */
    static final class Found {

        private final Map<String, HttpAnswer> files = new ConcurrentHashMap<>();

        Optional<HttpAnswer> get(String path, Function<String, Optional<HttpAnswer>> read) {
            HttpAnswer known = files.get(path);
            return known != null
                    ? Optional.of(known)
                    : read.apply(path).map(found -> Objects.requireNonNullElse(files.putIfAbsent(path, found), found));
        }
    }

    /** The resource at {@code location} (no leading slash), or empty when there is none. */
    static Optional<HttpAnswer> read(String location, String cacheControl) {
        try (InputStream in = ClasspathFile.class.getClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                return Optional.empty();
            }
            String extension = location.substring(location.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            return Optional.of(new HttpAnswer(
                    200,
                    TYPES.getOrDefault(extension, "application/octet-stream"),
                    Map.of("Cache-Control", cacheControl),
                    in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location + ": " + e.getMessage(), e);
        }
    }
}
