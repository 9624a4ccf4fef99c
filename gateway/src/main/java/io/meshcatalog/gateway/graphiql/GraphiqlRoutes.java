package io.meshcatalog.gateway.graphiql;

import io.meshcatalog.gateway.http.HttpAnswer;
import io.meshcatalog.gateway.http.HttpRoute;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /graphiql}: the GraphiQL page; {@code GET /graphiql/examples.json}: the saved operations packaged
 * from {@code queries/}, by file name, that the page opens as tabs; {@code /webjars/**}: the scripts it loads.
 */
@Configuration(proxyBeanMethods = false)
class GraphiqlRoutes {

  private static final String NO_CACHE = "no-cache";

  @Bean
  HttpRoute graphiqlPage() {
    HttpAnswer page = page("classpath:graphiql/index.html", "text/html; charset=utf-8");
    return HttpRoute.get("/graphiql", call -> page);
  }

  @Bean
  HttpRoute graphiqlPageWithSlash() {
    HttpAnswer page = page("classpath:graphiql/index.html", "text/html; charset=utf-8");
    return HttpRoute.get("/graphiql/", call -> page);
  }

  @Bean
  HttpRoute graphiqlScript() {
    HttpAnswer script = page("classpath:graphiql/app.js", "text/javascript; charset=utf-8");
    return HttpRoute.get("/graphiql/app.js", call -> script);
  }

  @Bean
  HttpRoute graphiqlExamples(JsonMapper json) {
    HttpAnswer examples = HttpAnswer.json(200, examples(), json).withHeader("Cache-Control", NO_CACHE);
    return HttpRoute.get("/graphiql/examples.json", call -> examples);
  }

  @Bean
  HttpRoute webjars(JsonMapper json) {
    return HttpRoute.of("/webjars/**", Set.of("GET"), new WebjarFiles(json)::handle);
  }

  private static HttpAnswer page(String location, String contentType) {
    byte[] body = read(new PathMatchingResourcePatternResolver().getResource(location));
    return new HttpAnswer(200, contentType, Map.of("Cache-Control", NO_CACHE), body);
  }

  private static List<Map<String, String>> examples() {
    try {
      Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:queries/*.graphql");
      List<Resource> sorted = new ArrayList<>(List.of(resources));
      sorted.sort(Comparator.comparing(r -> String.valueOf(r.getFilename())));
      List<Map<String, String>> out = new ArrayList<>();
      for (Resource resource : sorted) {
        out.add(Map.of("name", String.valueOf(resource.getFilename()),
            "query", new String(read(resource), StandardCharsets.UTF_8)));
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
