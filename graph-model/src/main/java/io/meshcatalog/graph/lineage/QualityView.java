package io.meshcatalog.graph.lineage;

import io.meshcatalog.graph.openlineage.DatasetQuality;

/**
 * A dataset's data quality as one run found it.
 *
 * @param run the run's id
 * @param job the job's id, {@code namespace/name}
 * @param at the time of the event that reported it (ISO-8601)
 */
public record QualityView(String run, String job, String at, DatasetQuality quality) {}
