package io.meshcatalog.gateway.graphiql;

import io.meshcatalog.gateway.http.HttpAnswer;
import io.meshcatalog.gateway.http.HttpCall;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.webjars.WebJarVersionLocator;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /webjars/<webjar>/<file>}: a file of a webjar on the classpath, by a version-free path, so the
 * page names no version. Files are read once and kept (only those that exist); a path that leaves the webjar is not found.
 */
final class WebjarFiles {

    private static final String PREFIX = "/webjars/";
    private final WebJarVersionLocator locator = new WebJarVersionLocator();
    private final ClasspathFile.Found files = new ClasspathFile.Found();
    private final JsonMapper json;

    WebjarFiles(JsonMapper json) {
        this.json = json;
    }

    CompletableFuture<HttpAnswer> handle(HttpCall call) {
        HttpAnswer answer = files.get(call.path(), this::load)
                .orElseGet(() -> HttpAnswer.error(404, "no webjar file at " + call.path(), json));
        return CompletableFuture.completedFuture(answer);
    }

    private Optional<HttpAnswer> load(String path) {
        String rest = path.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || rest.contains("..") || rest.contains("\\")) {
            return Optional.empty();
        }
        String full = locator.fullPath(rest.substring(0, slash), rest.substring(slash + 1));
        if (full == null) {
            return Optional.empty();
        }
        return ClasspathFile.read(full, "max-age=3600");
    }
}
