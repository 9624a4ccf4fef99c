package io.meshcatalog.gateway.graphiql;

import io.meshcatalog.gateway.http.HttpAnswer;
import io.meshcatalog.gateway.http.HttpRoute;
import io.meshcatalog.gateway.http.HttpRoutes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /graphiql}: the GraphiQL page; {@code GET /graphiql/examples.json}: the saved operations packaged
 * from {@code queries/}, by file name, that the page opens as tabs (with the headers a query names, see
 * {@link SavedQuery}); {@code /webjars/**}: the scripts it loads.
 */
public final class GraphiqlRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(GraphiqlRoutes.class);

    private static final String NO_CACHE = "no-cache";

    private GraphiqlRoutes() {}

    /** The page, its script, its examples and the webjars it loads. */
    public static HttpRoutes all(JsonMapper json) {
        HttpAnswer page = page("classpath:graphiql/index.html", "text/html; charset=utf-8");
        HttpAnswer script = page("classpath:graphiql/app.js", "text/javascript; charset=utf-8");
        // Listing the saved queries looks into every jar of the classpath: done at the first request, not at start.
        Supplier<HttpAnswer> examples =
                memoized(() -> HttpAnswer.json(200, examples(), json).withHeader("Cache-Control", NO_CACHE));
        // static files, the same for everybody: a browser opens GraphiQL before any credential is typed in its header
        // editor
        List<HttpRoute> routes = Stream.of(
                        HttpRoute.get("/graphiql", call -> page),
                        HttpRoute.get("/graphiql/", call -> page),
                        HttpRoute.get("/graphiql/app.js", call -> script),
                        HttpRoute.blocking(
                                "/graphiql/examples.json",
                                Set.of("GET"),
                                call -> CompletableFuture.completedFuture(examples.get())),
                        HttpRoute.of("/webjars/**", Set.of("GET"), new WebjarFiles(json)::handle))
                .map(route -> route.withAccess(HttpRoute.Access.PUBLIC))
                .toList();
        return () -> routes;
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        AtomicReference<T> value = new AtomicReference<>();
        return () -> {
            T known = value.get();
            if (known == null) {
                known = supplier.get();
                value.compareAndSet(null, known);
            }
            return known;
        };
    }

    private static HttpAnswer page(String location, String contentType) {
        byte[] body = read(new PathMatchingResourcePatternResolver().getResource(location));
        return new HttpAnswer(200, contentType, Map.of("Cache-Control", NO_CACHE), body);
    }

    /** Each saved query as a tab: its name, its text, and the headers it names (a JSON object as text, or empty). */
    private static List<Map<String, String>> examples() {
        try {
            Resource[] resources =
                    new PathMatchingResourcePatternResolver().getResources("classpath*:queries/*.graphql");
            List<Resource> sorted = new ArrayList<>(List.of(resources));
            sorted.sort(Comparator.comparing(r -> String.valueOf(r.getFilename())));
            List<Map<String, String>> out = new ArrayList<>();
            for (Resource resource : sorted) {
                String name = String.valueOf(resource.getFilename());
                String text = new String(read(resource), StandardCharsets.UTF_8);
                String headers = "";
                try {
                    headers = SavedQuery.parse(name, text).headersJson();
                } catch (IllegalArgumentException e) {
                    LOG.warn("The saved query's tab opens without headers: {}", e.getMessage());
                }
                out.add(Map.of("name", name, "query", text, "headers", headers));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the saved queries: " + e.getMessage(), e);
        }
    }

    private static byte[] read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource.getDescription() + ": " + e.getMessage(), e);
        }
    }
}
