package io.meshcatalog.gateway.demo;

import io.meshcatalog.gateway.execution.RequestContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The demo's platform team publishes the repository's templates (templates/, packaged in the jar) through the API as
 * the admin persona, so the catalog knows the kpi-report that finance.daily_revenue was made from, and its newer
 * version. Publishing a version again is a no-op, so restarts change nothing; a failure is logged and the demo goes on.
 */
final class DemoTemplates {

    private static final Logger LOG = LoggerFactory.getLogger(DemoTemplates.class);
    private static final String ADMIN = "demoadmin1";
    private static final String PUBLISH = "mutation($t: String!) { publishTemplate(template: $t) { id version } }";

    private final DemoCalls calls;

    DemoTemplates(DemoCalls calls) {
        this.calls = calls;
    }

    void publish() {
        try {
            RequestContext admin = calls.as(ADMIN);
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/*/*.yaml");
            Arrays.sort(files, Comparator.comparing(file -> String.valueOf(file.getDescription())));
            for (Resource file : files) {
                try (InputStream in = file.getInputStream()) {
                    Map<String, Object> published = DemoCalls.data(
                            calls.run(
                                    admin, PUBLISH, Map.of("t", new String(in.readAllBytes(), StandardCharsets.UTF_8))),
                            "publishTemplate");
                    LOG.info(
                            "Demo: the platform team published template {}@{}",
                            published.get("id"),
                            published.get("version"));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Demo: the templates were not published: {}", e.getMessage());
        }
    }
}
