// Each dataset's data quality as a run found it: one result per run and dataset (a later event of the run that
// reports it again replaces it). Assertions and column metrics are parallel lists; NaN stands for a metric not given.
UNWIND $results AS result
MATCH (r:Run {id: result.run}), (d:Dataset {id: result.dataset})
MERGE (q:QualityResult {id: result.run + ' ' + d.id})
SET q = result.properties, q.id = result.run + ' ' + d.id, q.run = result.run, q.job = result.job,
    q.dataset = d.id, q.at = result.time
MERGE (q)-[:OF_DATASET]->(d)
MERGE (q)-[:OF_RUN]->(r)
