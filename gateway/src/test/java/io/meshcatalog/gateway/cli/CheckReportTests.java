package io.meshcatalog.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckReportTests {

    private static final Map<String, Object> CHECK = Map.of(
            "domain", "orders",
            "breaking", true,
            "changes",
                    List.of(
                            Map.of(
                                    "kind",
                                    "FIELD_RENAMED",
                                    "subject",
                                    "orders.orders.shipped_on",
                                    "before",
                                    "shipped_on",
                                    "after",
                                    "shipped_date",
                                    "breaking",
                                    true,
                                    "why",
                                    "readers ask for shipped_on, which is gone"),
                            Map.of(
                                    "kind",
                                    "DESCRIPTION_CHANGED",
                                    "subject",
                                    "orders.orders",
                                    "before",
                                    "",
                                    "after",
                                    "",
                                    "breaking",
                                    false,
                                    "why",
                                    "")),
            "breaks",
                    List.of(
                            Map.of(
                                    "node",
                                    Map.of(
                                            "kind",
                                            "FIELD",
                                            "id",
                                            "shipping.delays.delay_days",
                                            "domain",
                                            "shipping",
                                            "degree",
                                            1),
                                    "because",
                                    List.of("downstream of orders.orders.shipped_on (degree 1), which is "
                                            + "renamed to shipped_date")),
                            Map.of(
                                    "node",
                                    Map.of("kind", "CONSUMER", "id", "ops.board", "domain", "", "degree", 2),
                                    "because",
                                    List.of("downstream of orders.orders.shipped_on (degree 2)"))),
            "ownersToNotify",
                    List.of(Map.of(
                            "team",
                            "shipping-team",
                            "affected",
                            List.of("shipping.delays"),
                            "hiddenAffected",
                            2,
                            "members",
                            List.of(Map.of("name", "Kim | Lee", "role", "owner")))),
            "notes", List.of(),
            "truncated", false,
            "hidden", List.of(Map.of("team", "crm-team", "count", 3)));

    @Test
    void textSaysTheVerdictEachChangeWhatBreaksAndWhomToTell() {
        String text = new CheckReport(CHECK).render(CheckReport.Format.TEXT, "http://catalog:8080");

        assertThat(text)
                .startsWith("Descriptor check of domain orders against http://catalog:8080: BREAKING (2 changes, "
                        + "1 breaking)\n")
                .contains(
                        "  BREAKING  FIELD_RENAMED orders.orders.shipped_on shipped_on -> shipped_date\n"
                                + "            readers ask for shipped_on, which is gone\n",
                        "            DESCRIPTION_CHANGED orders.orders\n",
                        "What breaks downstream (2)\n  degree 1  FIELD shipping.delays.delay_days (shipping)\n",
                        "  degree 2  CONSUMER ops.board\n",
                        "shipping-team (Kim | Lee, owner): shipping.delays and 2 you may not see",
                        "3 item(s) you may not see break too, owned by crm-team");
    }

    @Test
    void markdownCellsStayOnOneLineAndEscapePipes() {
        String markdown = new CheckReport(CHECK).render(CheckReport.Format.MARKDOWN, "http://catalog:8080");

        assertThat(markdown)
                .contains(
                        "### Mesh Catalog descriptor check: `orders` is **breaking**",
                        "| **breaking** | FIELD_RENAMED | `orders.orders.shipped_on` | shipped_on | shipped_date | readers ask for "
                                + "shipped_on, which is gone |",
                        "|  | DESCRIPTION_CHANGED | `orders.orders` |  |  |  |",
                        "| 1 | FIELD | `shipping.delays.delay_days` | shipping |",
                        "| shipping-team | Kim \\| Lee, owner | shipping.delays and 2 you may not see |");
        assertThat(new CheckReport(CHECK).breaking()).isTrue();
    }

    @Test
    void jsonIsTheAnswerAsItCame() {
        assertThat(new CheckReport(Map.of("domain", "orders", "breaking", false, "changes", List.of()))
                        .render(CheckReport.Format.JSON, "http://catalog:8080"))
                .contains("\"domain\" : \"orders\"", "\"breaking\" : false");
    }
}
