/**
 * OpenLineage 2-0-x events (run, dataset and job events with the {@code schema} and
 * {@code columnLineage} facets), read and validated as a whole before anything is stored, so that
 * lineage from Airflow, Spark, dbt or Flink lands in the same graph as the mesh's own.
 */
@NullMarked
package io.meshcatalog.graph.openlineage;

import org.jspecify.annotations.NullMarked;
