// The dataset's data quality results, newest first, $last at most, for authenticated viewers who may see it.
MATCH (d:Dataset {id: $id})
WHERE ($everything OR $authenticated) AND {{visible-dataset d}}
MATCH (q:QualityResult)-[:OF_DATASET]->(d)
WITH q ORDER BY q.at DESC LIMIT $last
RETURN q.run AS run, q.job AS job, toString(q.at) AS at, q.rowCount AS rowCount, q.bytes AS bytes,
       q.assertions AS assertions, q.assertionSuccess AS assertionSuccess, q.assertionColumns AS assertionColumns,
       q.assertionSeverity AS assertionSeverity, q.metricColumns AS metricColumns, q.nullCounts AS nullCounts,
       q.distinctCounts AS distinctCounts, q.counts AS counts, q.sums AS sums, q.mins AS mins, q.maxes AS maxes
