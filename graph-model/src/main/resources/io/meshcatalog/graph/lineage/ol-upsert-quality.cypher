// Each dataset's data quality as run $run found it: one result per run and dataset (a later event of the run that
// reports it again replaces it). Assertions and column metrics are parallel lists; NaN stands for a metric not given.
MATCH (r:Run {id: $run})
UNWIND $results AS result
MATCH (d:Dataset {id: result.dataset})
MERGE (q:QualityResult {id: $run + ' ' + d.id})
SET q = result.properties, q.id = $run + ' ' + d.id, q.run = $run, q.job = $job, q.dataset = d.id, q.at = $time
MERGE (q)-[:OF_DATASET]->(d)
MERGE (q)-[:OF_RUN]->(r)
