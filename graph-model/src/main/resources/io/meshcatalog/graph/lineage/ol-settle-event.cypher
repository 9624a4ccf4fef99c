// What storing an OpenLineage event touched, kept on its idempotency key so that the same event sent again is
// acknowledged with the same answer.
MATCH (k:LineageEventKey {key: $key})
SET k.job = $job, k.run = $run, k.datasets = $datasets, k.matched = $matched
