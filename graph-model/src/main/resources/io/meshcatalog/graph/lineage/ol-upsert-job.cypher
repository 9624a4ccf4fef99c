// The job, its run (state and times), and what it reads and writes.
MERGE (j:Job {id: $job.id})
SET j.namespace = $job.namespace, j.name = $job.name, j.lastSeenAt = $event.time, j.producer = $event.producer
WITH j
CALL (j) {
  UNWIND $run AS run
  MERGE (r:Run {id: run.id})
  SET r.state = run.eventType, r.updatedAt = $event.time
  SET r.startedAt = CASE WHEN run.eventType = 'START' THEN $event.time ELSE r.startedAt END
  SET r.endedAt = CASE WHEN run.eventType IN ['COMPLETE', 'FAIL', 'ABORT'] THEN $event.time ELSE r.endedAt END
  MERGE (r)-[:OF_JOB]->(j)
}
CALL (j) {
  UNWIND $inputs AS inputId
  MATCH (i:Dataset {id: inputId})
  MERGE (j)-[:READS]->(i)
}
CALL (j) {
  UNWIND $outputs AS outputId
  MATCH (o:Dataset {id: outputId})
  MERGE (j)-[:WRITES]->(o)
}
RETURN j.id AS id
