// What storing each OpenLineage event touched, kept on its idempotency key so that the same event sent again is
// acknowledged with the same answer.
UNWIND $settled AS settled
MATCH (k:LineageEventKey {key: settled.key})
SET k.job = settled.job, k.run = settled.run, k.datasets = settled.datasets, k.matched = settled.matched
