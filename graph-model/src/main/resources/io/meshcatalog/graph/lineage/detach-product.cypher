// Removes everything this product declared, so that the upsert that follows rebuilds it exactly:
// its ports, SLA and support, its ownership, the lineage into its datasets and fields, and the
// edges to its consumers. Lineage that OpenLineage jobs reported (edges with a job) is theirs and
// stays. Datasets and fields the product no longer publishes are no longer declared (placeholders) and are retired
// ($at, by $by): kept, out of search, for the lineage that still points at them and for history; a dropped dataset
// remembers who PRODUCED it, so it stays as visible as its product was.
MATCH (p:DataProduct {id: $productId})
OPTIONAL MATCH (p)-[:HAS_PORT|HAS_SLA|HAS_SUPPORT]->(x)
DETACH DELETE x
WITH DISTINCT p
OPTIONAL MATCH (p)-[own:OWNED_BY|IN_DOMAIN]->()
DELETE own
WITH DISTINCT p
OPTIONAL MATCH (p)<-[input:INPUT_TO]-(:Dataset)
DELETE input
WITH DISTINCT p
OPTIONAL MATCH (p)-[:PRODUCES]->(:Dataset)<-[into:FEEDS]-(:Dataset)
WHERE into.job IS NULL
DELETE into
WITH DISTINCT p
OPTIONAL MATCH (p)-[:PRODUCES]->(:Dataset)-[out:FEEDS]->(:Consumer)
DELETE out
WITH DISTINCT p
OPTIONAL MATCH (p)-[:PRODUCES]->(:Dataset)-[:HAS_FIELD]->(:Field)<-[derived:FEEDS]-(:Field)
WHERE derived.job IS NULL
DELETE derived
WITH DISTINCT p
OPTIONAL MATCH (p)-[:PRODUCES]->(:Dataset)-[:HAS_FIELD]->(gone:Field)
// declared fields carry their position; columns only OpenLineage reported are the jobs', not the product's to retire
WHERE NOT gone.id IN $fieldIds AND gone.position IS NOT NULL
SET gone.retiredAt = CASE WHEN gone.placeholder THEN gone.retiredAt ELSE $at END,
    gone.retiredBy = CASE WHEN gone.placeholder THEN gone.retiredBy ELSE $by END,
    gone.placeholder = true
WITH DISTINCT p
CALL (p) {
  MATCH (p)-[published:PRODUCES]->(dropped:Dataset)
  WHERE NOT dropped.id IN $datasetIds
  SET dropped.retiredAt = CASE WHEN dropped.placeholder THEN dropped.retiredAt ELSE $at END,
      dropped.retiredBy = CASE WHEN dropped.placeholder THEN dropped.retiredBy ELSE $by END,
      dropped.placeholder = true
  REMOVE dropped.product
  MERGE (p)-[:PRODUCED]->(dropped)
  DELETE published
}
