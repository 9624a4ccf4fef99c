// Everything a group of OpenLineage events writes, in one statement, each part once over what the events folded
// into (GroupWrites): a part with nothing to write unwinds an empty list and does nothing. Datasets, jobs and runs
// are looked up once each and then named by their place in $datasetIds, $jobs and $runs (the rows' *At keys).
// datasets known only from OpenLineage, with the fields of their schema facets
CALL () {
  UNWIND $datasets AS dataset
  MERGE (d:Dataset {id: dataset.id})
  SET d.name = dataset.name, d.namespace = dataset.namespace, d.physicalName = dataset.name,
      d.domain = coalesce(d.domain, ''), d.placeholder = false, d.source = 'openlineage',
      d.keywords = dataset.keywords, d.description = coalesce(d.description, '')
  WITH d, dataset
  UNWIND dataset.fields AS field
  MERGE (f:Field {id: dataset.id + '.' + field.name})
  SET f.name = field.name, f.logicalType = field.type, f.description = field.description,
      f.dataset = dataset.id, f.domain = '', f.placeholder = false, f.keywords = field.name
  MERGE (d)-[:HAS_FIELD]->(f)
}
// every dataset the rest names, once (a one-element list each, so a missing one keeps its place)
CALL () {
  UNWIND $datasetIds AS id
  OPTIONAL MATCH (d:Dataset {id: id})
  RETURN collect([d]) AS ds
}
// each job once, as its last event describes it
CALL () {
  UNWIND $jobs AS job
  MERGE (j:Job {id: job.id})
  SET j.namespace = job.namespace, j.name = job.name, j.lastSeenAt = job.time, j.producer = job.producer
  RETURN collect(j) AS js
}
// the datasets jobs read and write (from events that carry lineage)
CALL (ds, js) {
  UNWIND $jobReads AS read
  WITH js[read.jobAt] AS j, ds[read.datasetAt][0] AS i
  WHERE i IS NOT NULL
  MERGE (j)-[:READS]->(i)
}
CALL (ds, js) {
  UNWIND $jobWrites AS write
  WITH js[write.jobAt] AS j, ds[write.datasetAt][0] AS o
  WHERE o IS NOT NULL
  MERGE (j)-[:WRITES]->(o)
}
// each run once, folded over its events: its state is its latest event's, compared with what is stored
CALL () {
  UNWIND $runs AS run
  MERGE (r:Run {id: run.id})
  WITH r, run, r.updatedAt IS NULL OR run.latestAt >= r.updatedAt AS latest
  SET r.state = CASE WHEN latest THEN run.state ELSE r.state END,
      r.updatedAt = CASE WHEN latest THEN run.latestAt ELSE r.updatedAt END,
      r.error = coalesce(run.error, r.error),
      r.startedAt = coalesce(run.startedAt, r.startedAt),
      r.endedAt = coalesce(run.endedAt, r.endedAt)
  RETURN collect(r) AS rs
}
CALL (js, rs) {
  UNWIND $runJobs AS of
  WITH rs[of.runAt] AS r, js[of.jobAt] AS j
  MERGE (r)-[:OF_JOB]->(j)
}
// what each run read and wrote, whatever its outcome
CALL (ds, rs) {
  UNWIND $runReads AS read
  WITH rs[read.runAt] AS r, ds[read.datasetAt][0] AS i
  WHERE i IS NOT NULL
  MERGE (r)-[:READ]->(i)
}
CALL (ds, rs) {
  UNWIND $runWrites AS write
  WITH rs[write.runAt] AS r, ds[write.datasetAt][0] AS o
  WHERE o IS NOT NULL
  MERGE (r)-[:WROTE]->(o)
}
// an alert for each catalog dataset a failed or aborted run is the newest word on (before the datasets' newest runs
// are written below: as when the events are stored one by one), once per run and dataset
CALL (ds) {
  UNWIND $failing AS failed
  WITH failed, ds[failed.datasetAt][0] AS d
  WHERE d IS NOT NULL AND d.product IS NOT NULL AND (d.latestAt IS NULL OR failed.at >= d.latestAt)
  MERGE (a:Alert {id: 'FAILING ' + d.id + ' ' + failed.run})
  ON CREATE SET a.kind = 'FAILING', a.subjectKind = 'DATASET', a.subject = d.id, a.product = d.product,
                a.reason = 'run ' + failed.run + ' of job ' + failed.job + ' writing ' + d.id + ' '
                           + CASE failed.state WHEN 'FAIL' THEN 'failed' ELSE 'was aborted' END + ' at '
                           + toString(failed.at),
                a.at = failed.at, a.state = 'NEW'
}
// on each dataset a run wrote, what health reads: its newest run and last complete write
CALL (ds) {
  UNWIND $written AS written
  WITH ds[written.datasetAt][0] AS o, written
  WHERE o IS NOT NULL
  WITH o, written, o.latestAt IS NULL OR written.latestAt >= o.latestAt AS newest,
       written.completeAt IS NOT NULL AND (o.lastCompleteAt IS NULL OR written.completeAt > o.lastCompleteAt)
         AS completes
  SET o.latestRun = CASE WHEN newest THEN written.run ELSE o.latestRun END,
      o.latestState = CASE WHEN newest THEN written.state ELSE o.latestState END,
      o.latestAt = CASE WHEN newest THEN written.latestAt ELSE o.latestAt END,
      o.lastCompleteAt = CASE WHEN completes THEN written.completeAt ELSE o.lastCompleteAt END
}
// each dataset's data quality as a run found it, one result per run and dataset
CALL (ds, rs) {
  UNWIND $results AS result
  WITH rs[result.runAt] AS r, ds[result.datasetAt][0] AS d, result
  WHERE d IS NOT NULL
  MERGE (q:QualityResult {id: result.run + ' ' + d.id})
  SET q = result.properties, q.id = result.run + ' ' + d.id, q.run = result.run, q.job = result.job,
      q.dataset = d.id, q.at = result.time
  MERGE (q)-[:OF_DATASET]->(d)
  MERGE (q)-[:OF_RUN]->(r)
}
// dataset lineage: every input FEEDS every output, marked with the job
CALL (ds) {
  UNWIND $feeds AS edge
  WITH ds[edge.inputAt][0] AS i, ds[edge.outputAt][0] AS o, edge
  WHERE i IS NOT NULL AND o IS NOT NULL AND i <> o
  MERGE (i)-[f:FEEDS {job: edge.job}]->(o)
}
// column lineage (the columnLineage facet): source field FEEDS output field, marked with the job
CALL (ds) {
  UNWIND $columns AS edge
  WITH ds[edge.sourceDatasetAt][0] AS sd, ds[edge.targetDatasetAt][0] AS td, edge
  WHERE sd IS NOT NULL AND td IS NOT NULL
  MERGE (s:Field {id: edge.sourceDataset + '.' + edge.sourceField})
    ON CREATE SET s.placeholder = false, s.name = edge.sourceField, s.dataset = edge.sourceDataset,
      s.domain = coalesce(sd.domain, ''), s.logicalType = '', s.description = ''
  MERGE (sd)-[:HAS_FIELD]->(s)
  MERGE (t:Field {id: edge.targetDataset + '.' + edge.targetField})
    ON CREATE SET t.placeholder = false, t.name = edge.targetField, t.dataset = edge.targetDataset,
      t.domain = coalesce(td.domain, ''), t.logicalType = '', t.description = ''
  MERGE (td)-[:HAS_FIELD]->(t)
  MERGE (s)-[r:FEEDS {job: edge.job}]->(t)
  SET r.transform = edge.transform
}
// what storing each event touched, kept on its idempotency key: the same event sent again gets the same answer
CALL () {
  UNWIND $settled AS settled
  MATCH (k:LineageEventKey {key: settled.key})
  SET k.job = settled.job, k.run = settled.run, k.datasets = settled.datasets, k.matched = settled.matched
}
