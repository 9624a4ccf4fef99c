// An alert for each catalog dataset a failed or aborted run is now the latest word on (in the events' own
// transaction, after their runs are written); one per run and dataset however often the event is sent.
UNWIND $failing AS failed
UNWIND failed.outputs AS outputId
MATCH (d:Dataset {id: outputId})
WHERE d.product IS NOT NULL AND d.latestRun = failed.run AND d.latestState IN ['FAIL', 'ABORT']
MERGE (a:Alert {id: 'FAILING ' + d.id + ' ' + failed.run})
ON CREATE SET a.kind = 'FAILING', a.subjectKind = 'DATASET', a.subject = d.id, a.product = d.product,
              a.reason = 'run ' + failed.run + ' of job ' + failed.job + ' writing ' + d.id + ' '
                         + CASE d.latestState WHEN 'FAIL' THEN 'failed' ELSE 'was aborted' END + ' at '
                         + toString(d.latestAt),
              a.at = d.latestAt, a.state = 'NEW'
