// The last run that completed writing the dataset, when the viewer may see the dataset.
MATCH (d:Dataset {id: $id})
WHERE {{visible-dataset d}}
MATCH (r:Run {state: 'COMPLETE'})-[:WROTE]->(d)
MATCH (r)-[:OF_JOB]->(j:Job)
WITH r, j ORDER BY r.endedAt DESC LIMIT 1
RETURN r.id AS id, j.id AS job, j.namespace AS namespace, r.state AS state, toString(r.startedAt) AS startedAt,
       toString(r.updatedAt) AS updatedAt, toString(r.endedAt) AS endedAt, r.error AS error
