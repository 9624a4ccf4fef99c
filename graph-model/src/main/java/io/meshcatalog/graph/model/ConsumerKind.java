package io.meshcatalog.graph.model;

/** What reads a data product: inside the mesh (dashboards, models, reports) or outside it (reverse ETL). */
public enum ConsumerKind {
    DASHBOARD,
    ML_MODEL,
    REPORT,
    REVERSE_ETL,
    APPLICATION,
    NOTEBOOK
}
