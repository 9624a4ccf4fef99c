package io.meshcatalog.gateway.graphiql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /graphiql}: the GraphiQL page; {@code GET /graphiql/examples.json}: the saved
 * operations packaged from {@code queries/}, by file name, that the page opens as tabs.
 */
@RestController
class GraphiqlController {

  private final String page = read(new PathMatchingResourcePatternResolver().getResource("classpath:graphiql/index.html"));
  private final String script = read(new PathMatchingResourcePatternResolver().getResource("classpath:graphiql/app.js"));
  private final List<Map<String, String>> examples = examples();

  @GetMapping(path = {"/graphiql", "/graphiql/"}, produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> page() {
    return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(page);
  }

  @GetMapping(path = "/graphiql/app.js", produces = "text/javascript")
  ResponseEntity<String> script() {
    return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(script);
  }

  @GetMapping(path = "/graphiql/examples.json", produces = MediaType.APPLICATION_JSON_VALUE)
  List<Map<String, String>> examplesJson() {
    return examples;
  }

  private static List<Map<String, String>> examples() {
    try {
      Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:queries/*.graphql");
      List<Resource> sorted = new ArrayList<>(List.of(resources));
      sorted.sort(Comparator.comparing(r -> String.valueOf(r.getFilename())));
      List<Map<String, String>> out = new ArrayList<>();
      for (Resource resource : sorted) {
        out.add(Map.of("name", String.valueOf(resource.getFilename()), "query", read(resource)));
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the saved queries: " + e.getMessage(), e);
    }
  }

  private static String read(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource.getDescription() + ": " + e.getMessage(), e);
    }
  }
}
