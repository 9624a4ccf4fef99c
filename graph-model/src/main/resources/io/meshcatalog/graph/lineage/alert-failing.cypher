// In the event's own transaction: an alert for each catalog dataset this failed or aborted run is now the latest
// word on; one per run and dataset however often the event is sent.
UNWIND $outputs AS outputId
MATCH (d:Dataset {id: outputId})
WHERE d.product IS NOT NULL AND d.latestRun = $run AND d.latestState IN ['FAIL', 'ABORT']
MERGE (a:Alert {id: 'FAILING ' + d.id + ' ' + $run})
ON CREATE SET a.kind = 'FAILING', a.subjectKind = 'DATASET', a.subject = d.id, a.product = d.product,
              a.reason = 'run ' + $run + ' of job ' + $job + ' writing ' + d.id + ' '
                         + CASE d.latestState WHEN 'FAIL' THEN 'failed' ELSE 'was aborted' END + ' at '
                         + toString(d.latestAt),
              a.at = d.latestAt, a.state = 'NEW'
