package io.meshcatalog.gateway.graphiql;

import io.meshcatalog.gateway.http.HttpAnswer;
import io.meshcatalog.gateway.http.HttpRoute;
import io.meshcatalog.gateway.http.HttpRoutes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /ui}: the catalog in the browser (search, product pages, lineage and change impact), a page and its
 * scripts from the jar's {@code ui/} folder, which call the public {@code /graphql} API only, with the caller's own
 * credential: it shows exactly what the caller may see. {@code GET /} opens it.
 */
public final class CatalogUiRoutes {

    /** A file of the page: lower-case names in folders, a script, a style sheet or an image. */
    private static final Pattern FILE = Pattern.compile("[a-z0-9-]+(/[a-z0-9-]+)*\\.(js|css|svg)");

    private static final String NO_CACHE = "no-cache";

    private CatalogUiRoutes() {}

    public static HttpRoutes all(JsonMapper json) {
        HttpAnswer page = ClasspathFile.read("ui/index.html", NO_CACHE)
                .orElseThrow(() -> new IllegalStateException("the catalog UI's ui/index.html is not on the classpath"));
        HttpAnswer toUi = new HttpAnswer(302, "text/plain; charset=utf-8", Map.of("Location", "/ui/"), new byte[0]);
        ClasspathFile.Found files = new ClasspathFile.Found();
        // static files, the same for everybody: what the page shows comes from /graphql, with the caller's credential
        List<HttpRoute> routes = Stream.of(
                        HttpRoute.get("/", call -> toUi),
                        HttpRoute.get("/ui", call -> toUi),
                        HttpRoute.get("/ui/", call -> page),
                        HttpRoute.of(
                                "/ui/**",
                                Set.of("GET"),
                                call -> CompletableFuture.completedFuture(files.get(call.path(), CatalogUiRoutes::file)
                                        .orElseGet(() -> HttpAnswer.error(
                                                404, "no file of the catalog UI at " + call.path(), json)))))
                .map(route -> route.withAccess(HttpRoute.Access.PUBLIC))
                .toList();
        return () -> routes;
    }

    private static Optional<HttpAnswer> file(String path) {
        String name = path.substring("/ui/".length());
        return FILE.matcher(name).matches() ? ClasspathFile.read("ui/" + name, NO_CACHE) : Optional.empty();
    }
}
