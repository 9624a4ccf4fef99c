package io.meshcatalog.gateway.catalog;

import io.meshcatalog.graph.lineage.HiddenItems;
import io.meshcatalog.graph.lineage.ImpactReport;
import io.meshcatalog.graph.lineage.LineageNode;
import io.meshcatalog.graph.lineage.TeamToNotify;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An impact report as CSV (RFC 4180) for spreadsheets: one row per node reached, with the teams to
 * notify about it, then one {@code HIDDEN} row per team owning items the reader may not see, with their count.
 * Cells that a spreadsheet would run as a formula are prefixed with a quote.
 */
final class ImpactCsv {

    static final String HEADER = "kind,id,name,domain,degree,path,external,teams_to_notify";

    private ImpactCsv() {}

    static String write(ImpactReport report) {
        Map<String, List<String>> teamsByNode = new LinkedHashMap<>();
        for (TeamToNotify team : report.ownersToNotify()) {
            for (String affected : team.affected()) {
                teamsByNode.computeIfAbsent(affected, id -> new ArrayList<>()).add(team.team());
            }
        }
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (LineageNode node : report.nodes()) {
            out.append(String.join(
                            ",",
                            List.of(
                                    cell(node.kind().name()),
                                    cell(node.id()),
                                    cell(node.name()),
                                    cell(node.domain()),
                                    cell(Integer.toString(node.degree())),
                                    cell(String.join(" > ", node.path())),
                                    cell(Boolean.toString(node.external())),
                                    cell(String.join(";", teamsByNode.getOrDefault(node.id(), List.of()))))))
                    .append("\r\n");
        }
        for (HiddenItems hidden : report.hidden()) {
            String team = hidden.team() == null ? "" : hidden.team();
            String items = hidden.count() + (hidden.count() == 1 ? " item" : " items") + " you may not see";
            out.append(String.join(",", List.of("HIDDEN", "", cell(items), "", "", "", "", cell(team))))
                    .append("\r\n");
        }
        return out.toString();
    }

    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
