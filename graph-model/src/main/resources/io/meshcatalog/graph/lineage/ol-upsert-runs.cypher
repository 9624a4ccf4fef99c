// Each run once (state, times, error), folded over the group's events; what each run read and wrote, whatever its
// outcome; and what health reads on each dataset a run wrote: the newest event about it and its last complete
// write. Events may arrive out of order: a run's state is its latest event's, compared with what is stored.
CALL () {
  UNWIND $runs AS run
  MERGE (r:Run {id: run.id})
  WITH r, run, r.updatedAt IS NULL OR run.latestAt >= r.updatedAt AS latest
  SET r.state = CASE WHEN latest THEN run.state ELSE r.state END,
      r.updatedAt = CASE WHEN latest THEN run.latestAt ELSE r.updatedAt END,
      r.error = coalesce(run.error, r.error),
      r.startedAt = coalesce(run.startedAt, r.startedAt),
      r.endedAt = coalesce(run.endedAt, r.endedAt)
  WITH r, run
  UNWIND run.jobs AS jobId
  MATCH (j:Job {id: jobId})
  MERGE (r)-[:OF_JOB]->(j)
}
CALL () {
  UNWIND $reads AS read
  MATCH (r:Run {id: read.run}), (i:Dataset {id: read.dataset})
  MERGE (r)-[:READ]->(i)
}
CALL () {
  UNWIND $writes AS write
  MATCH (r:Run {id: write.run}), (o:Dataset {id: write.dataset})
  MERGE (r)-[:WROTE]->(o)
}
CALL () {
  UNWIND $written AS written
  MATCH (o:Dataset {id: written.dataset})
  WITH o, written, o.latestAt IS NULL OR written.latestAt >= o.latestAt AS newest,
       written.completeAt IS NOT NULL AND (o.lastCompleteAt IS NULL OR written.completeAt > o.lastCompleteAt)
         AS completes
  SET o.latestRun = CASE WHEN newest THEN written.run ELSE o.latestRun END,
      o.latestState = CASE WHEN newest THEN written.state ELSE o.latestState END,
      o.latestAt = CASE WHEN newest THEN written.latestAt ELSE o.latestAt END,
      o.lastCompleteAt = CASE WHEN completes THEN written.completeAt ELSE o.lastCompleteAt END
}
