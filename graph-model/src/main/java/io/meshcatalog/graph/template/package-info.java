/**
 * Product templates: product descriptors with parameters that a platform team designs once (a CDC table, an ML
 * predictor, a reverse-ETL audience, a KPI report) and domains instantiate with their values. A template is YAML
 * ({@code kind: ProductTemplate}): its id and version, its parameters as a JSON Schema, and the product with
 * {@code ${parameter}} placeholders. {@link TemplateReader} reads and checks one, {@link ProductTemplate#instantiate}
 * makes a product that remembers where it came from; {@code lineage.TemplateDrift} says what a product changed
 * against its template and what a newer version would change, in the catalog's named changes.
 */
@NullMarked
package io.meshcatalog.graph.template;

import org.jspecify.annotations.NullMarked;
