// Claims an OpenLineage event's idempotency key for this transaction. The uniqueness constraint on
// LineageEventKey.key makes concurrent claims of one key wait for each other: exactly one creates the node (and
// sees its own $attempt), the others find it and see what the first one recorded. Keys older than $before are
// forgotten, a bounded number per event.
MERGE (k:LineageEventKey {key: $key})
  ON CREATE SET k.attempt = $attempt, k.at = $now
WITH k, k.attempt = $attempt AS fresh
CALL (fresh) {
  MATCH (old:LineageEventKey) WHERE fresh AND old.at < $before
  WITH old LIMIT 100
  DELETE old
}
RETURN fresh, k.job AS job, k.run AS run, coalesce(k.datasets, []) AS datasets, coalesce(k.matched, []) AS matched
