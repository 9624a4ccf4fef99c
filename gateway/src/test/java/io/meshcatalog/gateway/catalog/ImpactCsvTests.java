package io.meshcatalog.gateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshcatalog.graph.lineage.HiddenItems;
import io.meshcatalog.graph.lineage.ImpactReport;
import io.meshcatalog.graph.lineage.LineageNode;
import io.meshcatalog.graph.lineage.Member;
import io.meshcatalog.graph.lineage.NodeKind;
import io.meshcatalog.graph.lineage.NodeRef;
import io.meshcatalog.graph.lineage.TeamToNotify;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImpactCsvTests {

    @Test
    void eachNodeIsARowWithTheTeamsToNotifyAboutIt() {
        ImpactReport report = new ImpactReport(
                NodeRef.field("orders.orders.shipped_on"),
                3,
                List.of(new LineageNode(
                        NodeKind.PRODUCT,
                        "shipping.delay_predictions",
                        "Shipping delay predictions",
                        "shipping",
                        1,
                        List.of("orders.orders.shipped_on", "shipping.delay_predictions"),
                        false,
                        "shipping.delay_predictions",
                        false)),
                List.of(),
                List.of(new TeamToNotify(
                        "shipping-team",
                        List.of(new Member("a", "A", "owner")),
                        List.of("shipping.delay_predictions"),
                        1,
                        0)),
                false,
                List.of());

        assertThat(ImpactCsv.write(report))
                .isEqualTo(ImpactCsv.HEADER + "\r\n"
                        + "PRODUCT,shipping.delay_predictions,Shipping delay predictions,shipping,1,"
                        + "orders.orders.shipped_on > shipping.delay_predictions,false,shipping-team\r\n");
    }

    @Test
    void whatTheReaderMayNotSeeIsOneRowPerTeamWithItsCountAndNoIds() {
        ImpactReport report = new ImpactReport(
                NodeRef.field("customers.contacts.email"),
                3,
                List.of(),
                List.of(),
                List.of(new TeamToNotify("crm-team", List.of(), List.of(), 1, 2)),
                false,
                List.of(new HiddenItems("crm-team", 4), new HiddenItems(null, 1)));

        assertThat(ImpactCsv.write(report))
                .isEqualTo(ImpactCsv.HEADER + "\r\n"
                        + "HIDDEN,,4 items you may not see,,,,,crm-team\r\n"
                        + "HIDDEN,,1 item you may not see,,,,,\r\n");
    }

    @Test
    void commasQuotesAndLineBreaksAreQuoted() {
        assertThat(ImpactCsv.cell("Ads, paid")).isEqualTo("\"Ads, paid\"");
        assertThat(ImpactCsv.cell("the \"best\" one")).isEqualTo("\"the \"\"best\"\" one\"");
        assertThat(ImpactCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(ImpactCsv.cell("plain")).isEqualTo("plain");
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreDefused() {
        assertThat(ImpactCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ImpactCsv.cell("+1")).isEqualTo("'+1");
        assertThat(ImpactCsv.cell("@sum")).isEqualTo("'@sum");
    }
}
