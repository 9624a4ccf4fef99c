package io.meshcatalog.gateway.audit;

/** What an audit record is about: every write, every refusal of a caller, every change of what is served. */
public enum AuditKind {
    /** A credential was missing where one is required, unknown, revoked, expired or invalid. */
    AUTHENTICATION_FAILED,
    /** An authenticated caller asked for something it may not do or see. */
    ACCESS_DENIED,
    /** A subgraph's catalog contract was harvested (or failed to be), by schedule or on request. */
    HARVEST,
    /** An OpenLineage event was stored (or refused). */
    LINEAGE_INGESTED,
    API_KEY_CREATED,
    API_KEY_REVOKED,
    ACCESS_REQUESTED,
    ACCESS_DECIDED,
    /** A product template version was published to the catalog. */
    TEMPLATE_PUBLISHED,
    /** The gateway started serving another supergraph. */
    SCHEMA_RELOADED
}
