// The job, its run (state and times), and what it reads and writes.
MERGE (j:Job {id: $job.id})
SET j.namespace = $job.namespace, j.name = $job.name, j.lastSeenAt = $event.time, j.producer = $event.producer
WITH j
CALL (j) {
  UNWIND $run AS run
  MERGE (r:Run {id: run.id})
  // events may arrive out of order: the state is the latest event's
  WITH j, r, run, r.updatedAt IS NULL OR $event.time >= r.updatedAt AS latest
  SET r.state = CASE WHEN latest THEN run.eventType ELSE r.state END,
      r.updatedAt = CASE WHEN latest THEN $event.time ELSE r.updatedAt END,
      r.error = coalesce(run.error, r.error)
  SET r.startedAt = CASE WHEN run.eventType = 'START' THEN $event.time ELSE r.startedAt END
  SET r.endedAt = CASE WHEN run.eventType IN ['COMPLETE', 'FAIL', 'ABORT'] THEN $event.time ELSE r.endedAt END
  MERGE (r)-[:OF_JOB]->(j)
  // what this run read and wrote, whatever its outcome (the job's READS and WRITES only from runs that carry lineage)
  WITH r, run
  CALL (r) {
    UNWIND $runInputs AS inputId
    MATCH (i:Dataset {id: inputId})
    MERGE (r)-[:READ]->(i)
  }
  CALL (r, run) {
    UNWIND $runOutputs AS outputId
    MATCH (o:Dataset {id: outputId})
    MERGE (r)-[:WROTE]->(o)
    // what health reads: the newest event about the dataset, and its last complete write
    WITH o, r, run, o.latestAt IS NULL OR $event.time >= o.latestAt AS newest,
         run.eventType = 'COMPLETE' AND (o.lastCompleteAt IS NULL OR $event.time > o.lastCompleteAt) AS completes
    SET o.latestRun = CASE WHEN newest THEN r.id ELSE o.latestRun END,
        o.latestState = CASE WHEN newest THEN run.eventType ELSE o.latestState END,
        o.latestAt = CASE WHEN newest THEN $event.time ELSE o.latestAt END,
        o.lastCompleteAt = CASE WHEN completes THEN $event.time ELSE o.lastCompleteAt END
  }
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
