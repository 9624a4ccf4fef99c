package io.meshcatalog.gateway.catalog;

import io.meshcatalog.gateway.http.HttpAnswer;
import io.meshcatalog.gateway.http.HttpCall;
import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.lineage.LineageStore;
import io.meshcatalog.graph.lineage.NodeKind;
import io.meshcatalog.graph.lineage.NodeRef;
import io.meshcatalog.graph.lineage.UnknownNodeException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/v1/impact.csv?kind=FIELD&id=orders.orders.shipped_on&depth=5}: the impact of a
 * node as a CSV download, for the people who plan a change in a spreadsheet. 400 names a bad
 * argument, 404 an unknown node; both as plain text.
 */
class ImpactCsvEndpoint {

    private static final String CSV = "text/csv; charset=utf-8";

    private final LineageStore store;
    private final CatalogLimits limits = CatalogLimits.DEFAULT;

    ImpactCsvEndpoint(LineageStore store) {
        this.store = store;
    }

    CompletableFuture<HttpAnswer> handle(HttpCall call) {
        return CompletableFuture.completedFuture(answer(
                CatalogAccess.viewer(call.caller()),
                call.parameter("kind"),
                call.parameter("id"),
                call.parameter("depth")));
    }

    private HttpAnswer answer(Viewer viewer, @Nullable String kind, @Nullable String id, @Nullable String depth) {
        try {
            if (kind == null || id == null) {
                throw new IllegalArgumentException("kind (PRODUCT, DATASET or FIELD) and id are required");
            }
            NodeKind nodeKind;
            try {
                nodeKind = NodeKind.valueOf(kind.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("kind must be PRODUCT, DATASET or FIELD, got \"" + kind + "\"", e);
            }
            String csv = ImpactCsv.write(
                    store.impact(viewer, new NodeRef(nodeKind, id), limits.depth("depth", number(depth))));
            String file = "impact-" + id.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv";
            return HttpAnswer.text(200, CSV, csv)
                    .withHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
        } catch (UnknownNodeException e) {
            return HttpAnswer.text(404, HttpAnswer.TEXT, e.getMessage() + "\n");
        } catch (IllegalArgumentException e) {
            return HttpAnswer.text(400, HttpAnswer.TEXT, e.getMessage() + "\n");
        }
    }

    private static @Nullable Integer number(@Nullable String depth) {
        if (depth == null || depth.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(depth.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("depth must be a whole number, got \"" + depth + "\"", e);
        }
    }
}
