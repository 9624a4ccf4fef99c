package io.meshcatalog.gateway.catalog;

import io.meshcatalog.gateway.http.HttpAnswer;
import io.meshcatalog.gateway.http.HttpCall;
import io.meshcatalog.graph.access.ExampleAccess;
import io.meshcatalog.graph.access.Viewer;
import io.meshcatalog.graph.descriptor.OdcsWriter;
import io.meshcatalog.graph.descriptor.OdpsWriter;
import io.meshcatalog.graph.lineage.LineageStore;
import io.meshcatalog.graph.model.Dataset;
import io.meshcatalog.graph.vocabulary.CatalogDataset;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The catalog's products and datasets in the open standards, for tools that speak them:
 * {@code GET /api/v1/products/<id>/odps.yaml} (ODPS v1.0) and {@code GET /api/v1/datasets/<id>/odcs.yaml} (an ODCS
 * v3.1 data contract). Each answers what the caller may see: 404 for a product or dataset it may not see, as for one
 * the catalog does not know, and no example values of a field whose classification it may not see.
 */
class StandardsEndpoint {

    static final String PRODUCTS = "/api/v1/products/";
    static final String DATASETS = "/api/v1/datasets/";
    private static final String YAML = "application/yaml; charset=utf-8";

    private final LineageStore store;
    private final CatalogVocabulary vocabulary;

    StandardsEndpoint(LineageStore store, CatalogVocabulary vocabulary) {
        this.store = store;
        this.vocabulary = vocabulary;
    }

    CompletableFuture<HttpAnswer> handle(HttpCall call) {
        return CompletableFuture.completedFuture(answer(CatalogAccess.viewer(call.caller()), call.path()));
    }

    private HttpAnswer answer(Viewer viewer, String path) {
        if (path.startsWith(PRODUCTS) && path.endsWith("/odps.yaml") && path.length() > PRODUCTS.length() + 10) {
            String id = path.substring(PRODUCTS.length(), path.length() - "/odps.yaml".length());
            return visibleProduct(viewer, id)
                    .flatMap(vocabulary::declared)
                    .map(found -> yaml(id + ".odps.yaml", new OdpsWriter().write(found.domain(), found.product())))
                    .orElseGet(() -> notFound("product " + id));
        }
        if (path.startsWith(DATASETS) && path.endsWith("/odcs.yaml") && path.length() > DATASETS.length() + 10) {
            String id = path.substring(DATASETS.length(), path.length() - "/odcs.yaml".length());
            Optional<String> productId = vocabulary.index().dataset(id).map(CatalogDataset::productId);
            return productId
                    .flatMap(product -> visibleProduct(viewer, product))
                    .flatMap(vocabulary::declared)
                    .flatMap(found -> found.product().datasets().stream()
                            .filter(d -> d.id().value().equals(id))
                            .findFirst()
                            .map(dataset -> yaml(id + ".odcs.yaml", contract(viewer, found, dataset))))
                    .orElseGet(() -> notFound("dataset " + id));
        }
        return HttpAnswer.text(
                404,
                HttpAnswer.TEXT,
                "no such document: ask " + PRODUCTS + "<product id>/odps.yaml or " + DATASETS
                        + "<dataset id>/odcs.yaml\n");
    }

    private static String contract(Viewer viewer, CatalogVocabulary.Declared found, Dataset dataset) {
        return new OdcsWriter().write(found.domain(), found.product(), dataset, ExampleAccess.shownTo(viewer));
    }

    private Optional<String> visibleProduct(Viewer viewer, String id) {
        return store.product(viewer, id).map(product -> id);
    }

    private static HttpAnswer yaml(String file, String text) {
        return HttpAnswer.text(200, YAML, text).withHeader("Content-Disposition", "inline; filename=\"" + file + "\"");
    }

    private static HttpAnswer notFound(String what) {
        return HttpAnswer.text(404, HttpAnswer.TEXT, "the catalog knows no " + what + ", or you may not see it\n");
    }
}
