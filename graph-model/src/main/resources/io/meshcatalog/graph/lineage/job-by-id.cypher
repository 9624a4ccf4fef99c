// An OpenLineage job, for authenticated viewers (jobs are reported by pipelines, not published by products), with
// the datasets it reads and writes that the viewer may see.
MATCH (j:Job {id: $id})
WHERE $everything OR $authenticated
CALL (j) {
  OPTIONAL MATCH (j)-[:READS]->(i:Dataset)
  WHERE {{visible-dataset i}}
  RETURN collect(DISTINCT i.id) AS inputs
}
CALL (j) {
  OPTIONAL MATCH (j)-[:WRITES]->(o:Dataset)
  WHERE {{visible-dataset o}}
  RETURN collect(DISTINCT o.id) AS outputs
}
RETURN j.id AS id, j.namespace AS namespace, j.name AS name, toString(j.lastSeenAt) AS lastSeenAt,
       inputs, outputs
