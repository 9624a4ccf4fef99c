package io.meshcatalog.gateway.bench;

import io.meshcatalog.gateway.support.Chromium;
import io.meshcatalog.graph.bench.LineageBenchmark.Latency;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The catalog UI in Debian's chromium on the synthetic mesh ({@link SyntheticCatalog}, 1M datasets by default), with
 * the benchmark's admin key: the first view of the search page from a cold browser (a new process on an empty
 * profile), beside GraphiQL's first view from the same gateway, and the impact picture of the hub (10,000 datasets
 * and consumers downstream; depth 10 reaches 19,000 items) until it answers clicks, then opening its largest group.
 * Times are the page's own clock ({@code performance.now()}, from the navigation's start), read at the first animation
 * frame where the view is there, so they include the API call, building the picture and KLay's layout, and not the
 * browser's own start. Not part of {@code mvn verify}; see gateway/BENCHMARKS.md:
 * <pre>
 * nice -n 10 mvn -B -pl gateway -am test -Dtest=UiBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.datasets=1000000 -Dbench.home=/tmp/catalog-bench
 * </pre>
 * System properties: those of {@link SyntheticCatalog}, {@code bench.coldRuns} (10 cold browsers per page),
 * {@code bench.hubRuns} (5 loads of the hub's picture, after one to warm the gateway), {@code bench.hubDepth} (10).
 */
class UiBenchmark {

    /**
     * Runs in each page before its own scripts: at every animation frame, notes when each watched thing is first there.
     * {@code window.meshCatalogGraph} is the lineage view's picture; it is set once KLay has laid it out.
     */
    private static final String WATCH = """
      window.firstSeen = {};
      const watched = {
        search: () => document.querySelector('.search .total'),
        graphiql: () => document.querySelector('.graphiql-execute-button'),
        graph: () => window.meshCatalogGraph && window.meshCatalogGraph.nodes().length > 0,
      };
      const look = () => {
        for (const [name, seen] of Object.entries(watched)) {
          if (!(name in window.firstSeen) && seen()) {
            window.firstSeen[name] = performance.now();
          }
        }
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
      """;

    @Test
    void firstViewsAndTheHubsImpactPicture() throws Exception {
        Assumptions.assumeTrue(Chromium.available(), Chromium.MISSING);
        int coldRuns = Integer.getInteger("bench.coldRuns", 10);
        int hubRuns = Integer.getInteger("bench.hubRuns", 5);
        int depth = Integer.getInteger("bench.hubDepth", 10);
        try (SyntheticCatalog catalog = SyntheticCatalog.start()) {
            String key = catalog.adminKey.key();
            List<String> rows = new ArrayList<>();
            rows.add(cold("search page, first view", catalog.base + "/ui/#/search", "search", key, coldRuns));
            rows.add(cold("GraphiQL, first view (peer)", catalog.base + "/graphiql", "graphiql", key, coldRuns));
            String hub = catalog.mesh.datasetId(catalog.mesh.hub());
            rows.addAll(hub(catalog.base + "/ui/#/lineage/DATASET/" + hub + "?depth=" + depth, key, hubRuns));

            System.out.println();
            System.out.println("| view | runs | p50 | max | of which the API call, p50 | bytes of the answer |");
            System.out.println("|---|---:|---:|---:|---:|---:|");
            rows.forEach(System.out::println);
            SyntheticCatalog.report("end", Instant.now() + ", load average " + SyntheticCatalog.loadAverage());
        }
    }

    /**
     * Each run a new browser on an empty profile: nothing cached, as a first visit. One more run first, not counted,
     * is the gateway's own first time (its JIT and Neo4j's plans cold), reported apart.
     */
    private static String cold(String view, String url, String watched, String key, int runs) throws IOException {
        double[] shown = new double[runs];
        double[] api = new double[runs];
        long bytes = 0;
        for (int i = -1; i < runs; i++) {
            Path profile = Files.createTempDirectory("ui-bench-profile");
            ChromeDriver browser = Chromium.start(profile);
            try {
                prepare(browser, key);
                Map<String, Object> seen = open(browser, url, watched);
                String figure = String.format(
                        Locale.ROOT, "%.0f ms (API %.0f ms)", number(seen.get("at")), number(seen.get("api")));
                if (i < 0) {
                    SyntheticCatalog.report(view + ", the gateway's first (not counted)", figure);
                    continue;
                }
                shown[i] = number(seen.get("at"));
                api[i] = number(seen.get("api"));
                bytes = (long) number(seen.get("bytes"));
                SyntheticCatalog.report(view + " #" + (i + 1), figure);
            } finally {
                browser.quit();
                deleteTree(profile);
            }
        }
        return row(view + ", cold browser", shown, api, bytes);
    }

    /** The hub's picture in one browser: a first load warms the gateway and the browser's cache, then timed loads. */
    private static List<String> hub(String url, String key, int runs) {
        ChromeDriver browser = Chromium.start(null);
        try {
            prepare(browser, key);
            Map<String, Object> first = open(browser, url, "graph");
            SyntheticCatalog.report("hub picture, first (not counted)", first.toString());
            double[] shown = new double[runs];
            double[] api = new double[runs];
            double[] group = new double[runs];
            long bytes = 0;
            Map<String, Object> seen = first;
            for (int i = 0; i < runs; i++) {
                seen = open(browser, url, "graph");
                shown[i] = number(seen.get("at"));
                api[i] = number(seen.get("api"));
                bytes = (long) number(seen.get("bytes"));
                group[i] = openLargestGroup(browser);
                SyntheticCatalog.report(
                        "hub picture #" + (i + 1), seen + ", opening the largest group " + group[i] + " ms");
            }
            return List.of(
                    row("hub impact picture (" + seen.get("drawn") + "), warm browser", shown, api, bytes),
                    row("opening its largest group", group, new double[runs], 0));
        } finally {
            browser.quit();
        }
    }

    /** The watcher in every new page, and the key in the page's storage before its scripts read it. */
    private static void prepare(ChromeDriver browser, String key) {
        browser.executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", WATCH + "localStorage.setItem('meshcatalog.apiKey', " + quoted(key) + ");"));
    }

    /**
     * Loads {@code url} as a new document and waits for {@code watched}: when it was first there, the page's calls to
     * {@code /graphql} (time and bytes), and for a picture how many nodes and edges it drew and of how many items.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> open(ChromeDriver browser, String url, String watched) {
        browser.get("about:blank");
        browser.get(url);
        return (Map<String, Object>) new WebDriverWait(browser, Duration.ofSeconds(120), Duration.ofMillis(50))
                .until(driver -> ((JavascriptExecutor) driver).executeScript("""
            const at = window.firstSeen && window.firstSeen[arguments[0]];
            if (at === undefined) {
              const error = document.querySelector('.error');
              if (error) throw new Error(error.textContent);
              return null;
            }
            const calls = performance.getEntriesByType('resource').filter((r) => r.name.endsWith('/graphql'));
            const g = window.meshCatalogGraph;
            return { at, api: calls.reduce((sum, r) => sum + r.duration, 0),
              bytes: calls.reduce((sum, r) => sum + r.encodedBodySize, 0),
              drawn: g ? g.nodes().length + ' nodes and ' + g.edges().length + ' edges drawn for '
                + document.getElementById('graph').getAttribute('aria-label') : '' };
            """, watched));
    }

    /** Taps the group with the most members as a user clicks it; the time until the picture is laid out again. */
    private static double openLargestGroup(ChromeDriver browser) {
        Object took = browser.executeScript("""
        const g = window.meshCatalogGraph;
        const groups = g.nodes('[kind = "GROUP"]').sort((a, b) => b.data('count') - a.data('count'));
        if (groups.length === 0) return -1;
        const started = performance.now();
        groups[0].emit('tap');
        return performance.now() - started;
        """);
        return number(took);
    }

    private static String row(String view, double[] ms, double[] api, long bytes) {
        Latency shown = latency(ms);
        return String.format(
                Locale.ROOT,
                "| %s | %d | %,.0f ms | %,.0f ms | %,.0f ms | %,d |",
                view,
                ms.length,
                shown.p50(),
                shown.max(),
                latency(api).p50(),
                bytes);
    }

    private static Latency latency(double[] ms) {
        long[] nanos = new long[ms.length];
        for (int i = 0; i < ms.length; i++) {
            nanos[i] = (long) (ms[i] * 1e6);
        }
        return Latency.of(nanos);
    }

    private static double number(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }

    private static String quoted(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
