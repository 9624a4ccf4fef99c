package io.meshcatalog.graph.health;

/** How a dataset or product stands against its SLA, worst first. */
public enum HealthStatus {
    /** The latest run that writes it failed or was aborted. */
    FAILING,
    /** Its last complete write is older than its SLA allows. */
    LATE,
    /** Written within its SLA, and its latest run did not fail. */
    FRESH,
    /** No SLA to check against, or no complete run has written it. */
    UNKNOWN
}
