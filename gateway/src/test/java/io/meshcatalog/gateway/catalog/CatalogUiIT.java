package io.meshcatalog.gateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.meshcatalog.gateway.support.Chromium;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The catalog UI at {@code /ui} as a user clicks through the demo story in Debian's chromium, driven by Selenium
 * through Debian's chromedriver ({@code .ci/run} installs both): search "delay", open the product, the impact of
 * {@code orders.orders.shipped_on}, and what renaming it would break. Each view's screenshot is written to
 * {@code target/ui-screenshots} (the README shows copies kept in {@code docs/ui}).
 */
@ExtendWith(SharedDemoMesh.class)
class CatalogUiIT {

    private static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");

    private static DemoMesh mesh;
    private static ChromeDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void start(DemoMesh shared) {
        assumeTrue(Chromium.available(), Chromium.MISSING);
        mesh = shared;
        browser = Chromium.start(null);
        // a cold Neo4j plans each statement the first time it runs: seconds on a busy machine
        wait = new WebDriverWait(browser, Duration.ofSeconds(90));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAnalystFindsTheDelayProductByTypingAndOpensIt() throws IOException {
        useKey(DemoMesh.ANALYST_KEY);
        WebElement box = browser.findElement(By.id("find-text"));
        box.sendKeys("delay");
        WebElement hit = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("a[data-kind='PRODUCT'][data-id='shipping.delay_predictions']")));
        assertThat(browser.getCurrentUrl()).as("the search is a link to share").endsWith("#/search?q=delay");
        assertThat(texts("a[data-facet='domain']")).anyMatch(facet -> facet.startsWith("shipping"));
        screenshot("search");

        // keyboard first: down from the box into the results, then Enter on the focused hit
        box.sendKeys(Keys.ARROW_DOWN);
        assertThat(browser.switchTo().activeElement().getAttribute("data-id")).isNotNull();
        hit.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".product h1"), "Shipping delay predictions"));
        assertThat(browser.getCurrentUrl()).endsWith("#/product/shipping.delay_predictions");
        assertThat(texts(".owner li")).anyMatch(member -> member.contains("Sam Okafor"));
        assertThat(texts("tr[data-field] td:first-child strong")).contains("predicted_delay_days", "delay_probability");
    }

    @Test
    void theOrdersPageTellsShippedAtFromShippedOn() throws IOException {
        useKey(DemoMesh.ANALYST_KEY);
        browser.get(mesh.base + "/ui/#/product/orders.orders");
        WebElement shippedOn = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr[data-field='orders.orders.shipped_on']")));
        WebElement shippedAt = browser.findElement(By.cssSelector("tr[data-field='orders.orders.shipped_at']"));
        assertThat(shippedOn.getText()).contains("date");
        assertThat(shippedAt.getText()).contains("timestamp");
        assertThat(shippedOn.getText()).isNotEqualTo(shippedAt.getText());
        screenshot("product");
    }

    @Test
    void theFinanceReportSaysWhichTemplateMadeItWhatItsTeamChangedAndThatANewerVersionIsOut() {
        useKey(DemoMesh.ANALYST_KEY);
        browser.get(mesh.base + "/ui/#/product/finance.daily_revenue");
        WebElement template =
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.template")));
        assertThat(template.getText())
                .contains(
                        "Made from kpi-report 1.0.0",
                        "version 1.1.0 is out",
                        "Changed since: ",
                        "What 1.1.0 would change: 2");
        List<WebElement> details = template.findElements(By.tagName("summary"));
        details.forEach(WebElement::click);
        assertThat(template.getText())
                .contains("TAGS_CHANGED finance.daily_revenue", "FIELD_ADDED finance.daily_revenue.computed_at");
    }

    @Test
    void theImpactOfShippedOnIsDrawnWithTheTeamsToTell() throws IOException {
        useKey(DemoMesh.ANALYST_KEY);
        browser.get(mesh.base + "/ui/#/lineage/FIELD/orders.orders.shipped_on");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".team[data-team='finance-team']")));
        assertThat(texts(".team strong")).contains("shipping-team", "finance-team", "operations-team");
        // the picture: the field itself, the columns it feeds inside their datasets, the consumers
        Object drawn = wait.until(
                driver -> ((JavascriptExecutor) driver)
                        .executeScript(
                                "const g = window.meshCatalogGraph; return g && g.nodes().length > 0 ? g.nodes().map(n => n.id()) : null;"));
        assertThat(strings(drawn))
                .contains(
                        "f:orders.orders.shipped_on",
                        "d:shipping.delay_predictions",
                        "f:shipping.delay_predictions.predicted_delay_days",
                        "c:operations.fulfillment_dashboard");
        Object edges = ((JavascriptExecutor) browser)
                .executeScript(
                        "return window.meshCatalogGraph.edges().map(e => e.source().id() + '>' + e.target().id());");
        assertThat(strings(edges))
                .contains(
                        "f:orders.orders.shipped_on>f:shipping.delay_predictions.predicted_delay_days",
                        "d:orders.orders>c:operations.order_status_dashboard")
                .as("a column sits in its dataset: no edge between them")
                .doesNotContain("f:orders.orders.shipped_on>d:orders.orders");
        // whom to tell, drawn: each team linked from what it owns
        assertThat(strings(drawn)).contains("t:finance-team", "t:shipping-team", "t:operations-team");
        assertThat(strings(edges))
                .contains(
                        "d:finance.delay_cost>t:finance-team", "c:operations.fulfillment_dashboard>t:operations-team");
        screenshot("impact");

        // a double-click adds a node's own lineage: one hop out, then what the predicted delay feeds
        browser.get("about:blank"); // a new page, not only a new hash: the picture below is this URL's
        browser.get(mesh.base + "/ui/#/lineage/FIELD/orders.orders.shipped_on?depth=1");
        wait.until(driver ->
                script("const g = window.meshCatalogGraph; return g && g.nodes().length > 0 ? 'yes' : null;"));
        assertThat(
                        script(
                                "return window.meshCatalogGraph.$id('f:finance.delay_cost.expected_compensation').length + '';"))
                .isEqualTo("0");
        script(
                "window.meshCatalogGraph.$id('f:shipping.delay_predictions.predicted_delay_days').emit('dbltap'); return null;");
        wait.until(driver -> script("return window.meshCatalogGraph.$id('f:finance.delay_cost.expected_compensation')"
                + ".length > 0 ? 'yes' : null;"));
        browser.get("about:blank");
        browser.get(mesh.base + "/ui/#/lineage/FIELD/orders.orders.shipped_on");
        wait.until(driver ->
                script("const g = window.meshCatalogGraph; return g && g.nodes().length > 0 ? 'yes' : null;"));

        // the CSV export holds every item with the path that reaches it, and the teams
        script("URL.createObjectURL = ((create) => (blob) => { blob.text().then((text) => { window.exported = text; });"
                + " return create(blob); })(URL.createObjectURL); return null;");
        browser.findElement(By.id("csv")).click();
        String exported = wait.until(driver -> script("return window.exported || null;"));
        assertThat(exported.lines().toList()).first().isEqualTo("kind,id,name,domain,hops,external,path");
        assertThat(exported)
                .contains(
                        "FIELD,shipping.delay_predictions.predicted_delay_days,",
                        "orders.orders.shipped_on > shipping.delay_predictions.predicted_delay_days",
                        "team to tell",
                        "finance-team");
    }

    @Test
    void renamingShippedOnShowsWhatBreaksAndTheQueryThatSaysTheSame() throws IOException {
        useKey(DemoMesh.ORDERS_KEY);
        browser.get(mesh.base + "/ui/#/change?c=orders.orders.shipped_on%7CRENAME%7Cshipped_date");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".break")));
        List<String> broken = browser.findElements(By.cssSelector(".break")).stream()
                .map(element -> element.getAttribute("data-id"))
                .toList();
        assertThat(broken).contains("shipping.delay_predictions.predicted_delay_days");
        assertThat(texts(".team strong")).contains("shipping-team");
        screenshot("change-impact");

        // the query the page shows answers the same breaks when a tool runs it
        String query = browser.findElement(By.id("query-text")).getText();
        assertThat(query)
                .contains("changeImpact(changes: [{ field: \"orders.orders.shipped_on\", kind: RENAME, "
                        + "newName: \"shipped_date\" }])");
        Map<String, Object> answer = mesh.graphqlAs(DemoMesh.ORDERS_KEY, query);
        assertThat(answer).doesNotContainKey("errors");
        @SuppressWarnings("unchecked")
        List<Map<String, Map<String, Object>>> breaks = (List<Map<String, Map<String, Object>>>)
                ((Map<String, Object>) ((Map<String, Object>) answer.get("data")).get("changeImpact")).get("breaks");
        assertThat(breaks.stream().map(b -> b.get("node").get("id")).toList())
                .containsExactlyInAnyOrderElementsOf(broken);

        // more fields: the others of the same dataset are one click away, and typing suggests fields by name
        browser.findElement(By.cssSelector(".add-field[data-field='orders.orders.shipped_at']"))
                .click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr.change-row"), 2));
        assertThat(browser.getCurrentUrl()).contains("c=orders.orders.shipped_at%7CDROP%7C");
        browser.findElement(By.cssSelector("input[name='field']")).sendKeys("predicted delay");
        wait.until(driver -> script("return [...document.querySelectorAll('#field-options option')].map(o => o.value)"
                + ".includes('shipping.delay_predictions.predicted_delay_days') ? 'yes' : null;"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTenThousandItemImpactIsDrawnAsGroupsByDomainAndDistanceOpenedOnDemand() {
        browser.get(mesh.base + "/ui/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".search, .error")));
        // the page's own picture builder, given 10,000 datasets over 7 domains at distances 1 to 4
        Map<String, Object> drawn = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        import('/ui/js/graph.js').then((graph) => {
          const nodes = [];
          const edges = [];
          for (let i = 0; i < 10000; i++) {
            const domain = 'domain' + (i % 7);
            nodes.push({ kind: 'DATASET', id: domain + '.set' + i, name: 'set' + i, domain, degree: 1 + (i % 4),
              external: false, path: ['orders.orders', domain + '.set' + i] });
            edges.push({ from: { kind: 'DATASET', id: 'orders.orders' }, to: { kind: 'DATASET', id: domain + '.set' + i },
              kind: 'FEEDS' });
          }
          const origin = { kind: 'DATASET', id: 'orders.orders' };
          const options = (opened) => ({ columns: true, opened: new Set(opened) });
          const count = (elements, group) => elements.filter((e) => e.group === group).length;
          const closed = graph.elements(origin, nodes, edges, options([]));
          const open = graph.elements(origin, nodes, edges, options(['g:domain0:1']));
          done({ closedNodes: count(closed, 'nodes'), closedEdges: count(closed, 'edges'),
            groups: closed.filter((e) => e.data.kind === 'GROUP').map((e) => e.data.label),
            openNodes: count(open, 'nodes'),
            openMembers: open.filter((e) => e.data.kind === 'DATASET' && e.data.domain === 'domain0'
              && e.data.degree === 1).length });
        });
        """);
        // the origin and one node per domain and distance (7 × 4), each linked from the origin: never 10,000 at once
        assertThat(((Number) drawn.get("closedNodes")).intValue()).isEqualTo(29);
        assertThat(((Number) drawn.get("closedEdges")).intValue()).isEqualTo(28);
        assertThat(strings(drawn.get("groups")))
                .hasSize(28)
                .contains("domain0 · 1 hop · 358 items", "domain6 · 4 hops · 357 items");
        // opening one group draws its 358 members in its place
        assertThat(((Number) drawn.get("openMembers")).intValue()).isEqualTo(358);
        assertThat(((Number) drawn.get("openNodes")).intValue()).isEqualTo(29 - 1 + 358);
    }

    @Test
    void theGovernanceViewFlagsTheAudienceNoGrantCovers() throws IOException {
        useKey(DemoMesh.ADMIN_KEY);
        browser.get(mesh.base + "/ui/#/governance");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.finding")));
        assertThat(browser.findElement(By.id("flagged")).getText()).isEqualTo("1 flagged");
        List<WebElement> flagged = browser.findElements(By.cssSelector("tr.finding.flagged"));
        assertThat(flagged).hasSize(1);
        assertThat(flagged.get(0).getText()).contains("Google", "customers.contacts.email", "none", "growth-team");
        assertThat(texts("tr.finding.compliant")).anyMatch(row -> row.contains("Facebook"));
        screenshot("governance");

        browser.findElement(By.id("only-flagged")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr.finding"), 1));
        assertThat(browser.getCurrentUrl()).endsWith("#/governance?show=flagged");

        // the destination's own lineage: what feeds the Google audience, drawn upstream
        browser.findElement(By.linkText("Google Ads Customer Match")).click();
        Object drawn = wait.until(driver -> ((JavascriptExecutor) driver)
                .executeScript(
                        "const g = window.meshCatalogGraph; return g && g.nodes('[kind = \"DATASET\"]').length > 0"
                                + " ? g.nodes().map(n => n.id()) : null;"));
        assertThat(strings(drawn)).contains("c:marketing.google_ads_audience", "d:marketing.lead_audience");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anImpactAcrossThousandsOfDomainsIsGroupedByDistanceFirst() {
        browser.get(mesh.base + "/ui/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".search, .error")));
        // a hub's impact: 19,000 datasets over 5,000 domains at distances 1 to 10, each fed by the one before it
        Map<String, Object> drawn = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        import('/ui/js/graph.js').then((graph) => {
          const nodes = [];
          const edges = [];
          for (let i = 0; i < 19000; i++) {
            const domain = 'domain' + (i % 5000);
            const id = domain + '.set' + i;
            nodes.push({ kind: 'DATASET', id, name: 'set' + i, domain, degree: 1 + (i % 10), external: false });
            const from = i < 10 ? 'hub.hub' : 'domain' + ((i - 10) % 5000) + '.set' + (i - 10);
            edges.push({ from: { kind: 'DATASET', id: from }, to: { kind: 'DATASET', id }, kind: 'FEEDS' });
          }
          const origin = { kind: 'DATASET', id: 'hub.hub' };
          const draw = (opened) => graph.elements(origin, nodes, edges, { columns: true, opened: new Set(opened) });
          const labels = (elements) => elements.filter((e) => e.data.kind === 'GROUP').map((e) => e.data.label);
          const closed = draw([]);
          const distance = draw(['g:1']);
          const more = draw(['g:1', 'g:*:1:1']);
          done({ closed: closed.filter((e) => e.group === 'nodes').length, closedGroups: labels(closed),
            distance: distance.filter((e) => e.group === 'nodes').length, distanceGroups: labels(distance),
            more: more.filter((e) => e.group === 'nodes').length, moreGroups: labels(more) });
        });
        """);
        // 5,000 domains × 10 distances would be 19,000 groups: the origin and one node per distance instead
        assertThat(((Number) drawn.get("closed")).intValue()).isEqualTo(11);
        assertThat(strings(drawn.get("closedGroups"))).contains("1 hop · 1900 items in 500 domains");
        // an opened distance: its largest 119 domains and one group for the other 381, in place of the distance
        assertThat(((Number) drawn.get("distance")).intValue()).isEqualTo(11 - 1 + 119 + 1);
        assertThat(strings(drawn.get("distanceGroups"))).contains("381 more domains · 1 hop · 1424 items");
        // which opens the next 119
        assertThat(((Number) drawn.get("more")).intValue()).isEqualTo(11 - 1 + 238 + 1);
        assertThat(strings(drawn.get("moreGroups"))).contains("262 more domains · 1 hop · 948 items");
    }

    @Test
    void anonymousCallersAreToldWhyTheySeeLess() {
        useKey("");
        browser.get(mesh.base + "/ui/#/search?q=delay");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".total"), "anonymous callers"));
    }

    @Test
    void graphiqlRunsTheSavedQueriesEachAsThePersonaItNames() {
        // a first visit: GraphiQL keeps its tabs in the browser (cleared from another page of the gateway, so that
        // GraphiQL cannot write them back), and starts from the saved queries, each with its own headers
        browser.get(mesh.base + "/ui/");
        script("localStorage.clear(); return null;");
        browser.get(mesh.base + "/graphiql");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".graphiql-execute-button")));
        // The first tab is the first saved query by file name: which external destinations receive CRM data, asked as
        // the CRM engineer its file names (GraphiQL sends the key from the tab's Headers).
        browser.findElement(By.cssSelector(".graphiql-execute-button")).click();
        String shown = wait.until(driver -> script("const r = document.querySelector('.result-window');"
                + " return r && r.innerText.includes('external') ? r.innerText : null;"));
        assertThat(shown).contains("Facebook Ads custom audience", "\"external\": true");
        // each tab runs as the persona its file names: the admin's governance findings
        assertThat(runTab("GovernanceFindings"))
                .contains("\"flagged\": 1", "\"compliant\": true", "\"compliant\": false")
                .doesNotContain("FORBIDDEN");
        // a second visit starts from the tabs this browser kept, each still with its persona's key
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".graphiql-execute-button")));
        assertThat(runTab("GovernanceFindings")).contains("\"flagged\": 1").doesNotContain("FORBIDDEN");
    }

    /** Opens the GraphiQL tab of an operation, runs it and answers the whole result. */
    private static String runTab(String operation) {
        browser.findElements(By.cssSelector(".graphiql-tab-button")).stream()
                .filter(tab -> tab.getText().contains(operation))
                .findFirst()
                .orElseThrow()
                .click();
        // GraphiQL names the operation to run 100 ms after the editor changes: run once it names this tab's
        wait.until(driver -> script("const q = document.querySelector('.graphiql-query-editor .CodeMirror');"
                + " return q !== null && q.CodeMirror.operationName === '" + operation + "' ? 'yes' : null;"));
        script("const r = document.querySelector('.result-window .CodeMirror'); if (r && r.CodeMirror) r.CodeMirror"
                + ".setValue(''); return null;");
        browser.findElement(By.cssSelector(".graphiql-execute-button")).click();
        // the whole result as the editor holds it (it draws only the lines in view)
        return wait.until(driver -> script("const r = document.querySelector('.result-window .CodeMirror');"
                + " const text = r && r.CodeMirror ? r.CodeMirror.getValue() : '';"
                + " return text.includes('\"data\"') || text.includes('errors') ? text : null;"));
    }

    @Test
    void theRootOpensTheCatalogUiWhichLinksToGraphiql() {
        browser.get(mesh.base + "/");
        wait.until(ExpectedConditions.urlContains("/ui/"));
        browser.findElement(By.linkText("GraphiQL")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".graphiql-execute-button")));
    }

    private static String script(String body) {
        Object value = ((JavascriptExecutor) browser).executeScript(body);
        return value == null ? null : value.toString();
    }

    /** Types the key into the page's key form (or forgets the key), as a user would. */
    private static void useKey(String key) {
        browser.get(mesh.base + "/ui/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".search, .error")));
        browser.findElement(By.id("key-state")).click();
        if (key.isEmpty()) {
            browser.findElement(By.id("key-forget")).click();
            return;
        }
        browser.findElement(By.id("key-input")).sendKeys(key, Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("key-state"), key.substring(0, 14)));
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }

    private static List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream()
                .map(WebElement::getText)
                .toList();
    }

    private static void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
