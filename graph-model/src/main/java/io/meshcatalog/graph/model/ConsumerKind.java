package io.meshcatalog.graph.model;

import java.util.Locale;

/** What reads a data product: inside the mesh (dashboards, models, reports) or outside it (reverse ETL). */
public enum ConsumerKind {
    DASHBOARD, ML_MODEL, REPORT, REVERSE_ETL, APPLICATION, NOTEBOOK;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
